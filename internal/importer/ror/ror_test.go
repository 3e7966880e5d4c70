package ror

import (
	"archive/zip"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hkin/hkin/internal/ingest"
	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/sqlite"
)

func openStore(t *testing.T) store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "hkin.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

const fixture = "testdata/records.json"

func mustImport(t *testing.T, s store.Store, path string) Counts {
	t.Helper()
	c, err := Import(context.Background(), s, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func entityBy(t *testing.T, s store.Reader, scheme, value string) model.Entity {
	t.Helper()
	ctx := context.Background()
	id, err := s.EntityByIdentifier(ctx, scheme, value)
	if err != nil {
		t.Fatalf("%s:%s: %v", scheme, value, err)
	}
	e, err := store.Resolve(ctx, s, id)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// facts lists an entity's outgoing statements as "kind predicate object-name date value".
func facts(t *testing.T, s store.Reader, id string) []string {
	t.Helper()
	ctx := context.Background()
	sts, err := s.Statements(ctx, store.StatementQuery{Subjects: []string{id}})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, st := range sts {
		f := st.Kind + " " + st.Predicate
		if st.Object != "" {
			o, err := s.Entity(ctx, st.Object)
			if err != nil {
				t.Fatal(err)
			}
			f += " " + o.Name
		}
		if st.Date != "" {
			f += " " + st.Date
		}
		if len(st.Value) > 0 {
			f += " " + st.Text()
		}
		out = append(out, f)
	}
	return out
}

func TestImportFixture(t *testing.T) {
	s := openStore(t)
	c := mustImport(t, s, fixture)
	want := Counts{Records: 4, Organizations: 4, Places: 4, Inactive: 1, Dropped: 1, Unlinked: 1}
	got := c
	got.Statements = 0
	if got != want {
		t.Errorf("counts %+v, want %+v", got, want)
	}
	park := entityBy(t, s, "ror", "0test0001")
	if park.Name != "Example Science and Technology Parks Corporation" || park.Category != "association" {
		t.Errorf("park: %+v", park)
	}
	wantIDs := map[string]string{"ror": "0test0001", "wikidata": "Q100001", "grid": "grid.900001.a", "website": "park.example.hk"}
	if !reflect.DeepEqual(park.Identifiers, wantIDs) {
		t.Errorf("identifiers %v, want %v", park.Identifiers, wantIDs)
	}
	wantAliases := []model.Alias{{Value: "EXSTP", Kind: "acronym"}, {Value: "示例科技园公司", Lang: "zh", Kind: "label"}}
	if !reflect.DeepEqual(park.Aliases, wantAliases) {
		t.Errorf("aliases %+v, want %+v", park.Aliases, wantAliases)
	}
	chips := entityBy(t, s, "ror", "0test0002")
	if chips.Category != "research_institute" {
		t.Errorf("a ROR facility: category %q", chips.Category)
	}
	if _, ok := chips.Identifiers["website"]; ok {
		t.Errorf("the park's website was given to the institute too: %v", chips.Identifiers)
	}
	uni := entityBy(t, s, "ror", "0test0003")
	college := entityBy(t, s, "ror", "0test0004")
	hk := entityBy(t, s, "iso3166", "HK")
	if hk.Category != "country" || hk.Identifiers["geonames"] != "9000002" {
		t.Errorf("Hong Kong, a city-state: %+v", hk)
	}
	tests := []struct {
		e    model.Entity
		want []string
	}{
		{park, []string{"relation located_in Sha Tin", "event founded 2001"}},
		{chips, []string{"relation located_in Hong Kong", "relation part_of Example Science and Technology Parks Corporation", "relation partners_with Example University"}},
		{uni, []string{"relation located_in Shenzhen", "event founded 1991", "relation succeeded Example College"}},
		{college, []string{"relation located_in Shenzhen", "event founded 1960", "attribute status withdrawn"}},
		{entityBy(t, s, "geonames", "9000003"), []string{"relation part_of China"}},
	}
	for _, tt := range tests {
		got := facts(t, s, tt.e.ID)
		if !sameSet(got, tt.want) {
			t.Errorf("%s: statements %q, want %q", tt.e.Name, got, tt.want)
		}
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		if m[x] == 0 {
			return false
		}
		m[x]--
	}
	return true
}

func TestImportTwiceChangesNothing(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	mustImport(t, s, fixture)
	before, _ := s.Stats(ctx)
	seq, _ := s.Seq(ctx)
	c := mustImport(t, s, fixture)
	after, _ := s.Stats(ctx)
	seq2, _ := s.Seq(ctx)
	if !reflect.DeepEqual(before, after) || seq != seq2 {
		t.Fatalf("second import changed the store: %+v → %+v (seq %d → %d)", before, after, seq, seq2)
	}
	if c.Organizations != 0 || c.Places != 0 || c.Statements != 0 {
		t.Fatalf("second import counted new things: %+v", c)
	}
}

// packings writes the fixture gzipped and zipped as ROR ships it.
func packings(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gzPath := filepath.Join(dir, "records.json.gz")
	f, _ := os.Create(gzPath)
	gz := gzip.NewWriter(f)
	gz.Write(data)
	gz.Close()
	f.Close()
	zipPath := filepath.Join(dir, "v9.9-2025-01-31-ror-data.zip")
	f, _ = os.Create(zipPath)
	zw := zip.NewWriter(f)
	for name, body := range map[string][]byte{
		"v9.9-2025-01-31-ror-data_schema_v1.json": []byte(`[{"id": "https://ror.org/0test0001", "name": "Old"}]`),
		"v9.9-2025-01-31-ror-data_schema_v2.json": data,
		"v9.9-2025-01-31-ror-data.csv":            []byte("id,name\n"),
	} {
		w, _ := zw.Create(name)
		w.Write(body)
	}
	zw.Close()
	f.Close()
	return map[string]string{"gzip": gzPath, "zip": zipPath}
}

func TestPackings(t *testing.T) {
	ctx := context.Background()
	plain := openStore(t)
	mustImport(t, plain, fixture)
	want, _ := plain.Stats(ctx)
	for name, path := range packings(t) {
		t.Run(name, func(t *testing.T) {
			s := openStore(t)
			mustImport(t, s, path)
			got, _ := s.Stats(ctx)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("stats %+v, want %+v", got, want)
			}
			srcs, _ := s.RecentSources(ctx, 5)
			if name == "zip" && (len(srcs) != 1 || srcs[0].Version != "v9.9-2025-01-31" || srcs[0].Published != "2025-01-31") {
				t.Fatalf("source of the zip: %+v", srcs)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	second := strings.Index(string(data), `"https://ror.org/0test0002"`)
	tests := []struct {
		name string
		body string
		want []string // parts of the error message
	}{
		{"truncated", string(data[:second+200]), []string{"record 2", "truncated"}},
		{"wrong type", strings.Replace(string(data), `"established": 1991`, `"established": "1991"`, 1), []string{"record 3", "0test0003", "field established"}},
		{"schema v1", `[{"id": "https://ror.org/0abc", "name": "Old University", "types": ["Education"], "external_ids": {"GRID": {"all": "grid.1"}}}]`, []string{"record 1", "schema v1"}},
		{"no display name", `[{"id": "https://ror.org/0abc", "names": [{"value": "X", "types": ["alias"]}]}]`, []string{"record 1", "field names", "ror_display"}},
		{"not an array", `{"id": "x"}`, []string{"JSON array"}},
		{"empty file", ``, []string{"truncated"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := openStore(t)
			path := filepath.Join(t.TempDir(), "bad.json")
			if err := os.WriteFile(path, []byte(tt.body), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Import(ctx, s, path, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if tt.name == "schema v1" && !errors.Is(err, ErrSchemaV1) {
				t.Errorf("want ErrSchemaV1, got %v", err)
			}
			st, _ := s.Stats(ctx)
			if st.Entities != 0 || st.Statements != 0 || st.Sources != 0 {
				t.Errorf("a failed import stored something: %+v", st)
			}
		})
	}
}

func TestResolvesToStoredEntity(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	src := model.Source{Kind: model.SourceDocument, Title: "An article", SHA256: "ab"}
	src.ID = model.SourceID(src)
	err := s.Update(ctx, func(w store.Writer) error {
		if err := w.PutSource(ctx, src); err != nil {
			return err
		}
		if err := w.PutEntity(ctx, model.Entity{ID: "exstp", Type: model.Organization, Category: "park_operator",
			Name: "Example Science & Technology Parks Corp."}); err != nil {
			return err
		}
		_, err := w.AddStatements(ctx, []model.Statement{{Kind: model.KindEvent, Subject: "exstp", Predicate: "opened", Qualifiers: model.Qualifiers{Date: "2002"}, SourceID: src.ID}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	c := mustImport(t, s, fixture)
	if c.Matched != 1 || c.Organizations != 3 {
		t.Errorf("counts %+v: want the park matched and three organisations new", c)
	}
	park := entityBy(t, s, "ror", "0test0001")
	if park.ID != "exstp" || park.Category != "park_operator" {
		t.Fatalf("the ROR record did not attach to the stored entity: %+v", park)
	}
	found := false
	for _, a := range park.Aliases {
		found = found || a.Value == "Example Science and Technology Parks Corporation"
	}
	if !found {
		t.Errorf("ROR's display name is not an alias: %+v", park.Aliases)
	}
}

// TestSample imports the shared ROR sample: HKSTP is found by its ROR ID with its Chinese name.
func TestSample(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 35,990 records")
	}
	path := sampleDump(t)
	s := openStore(t)
	c := mustImport(t, s, path)
	if c.Records != 35990 || c.Organizations != 35990 {
		t.Errorf("counts %+v", c)
	}
	hkstp := entityBy(t, s, "ror", "05q8mqd91")
	if hkstp.Name != "Hong Kong Science and Technology Parks Corporation" {
		t.Errorf("ror:05q8mqd91 is %q", hkstp.Name)
	}
	found := false
	for _, a := range hkstp.Aliases {
		found = found || a.Value == "香港科技园公司" && a.Lang == "zh"
	}
	if !found {
		t.Errorf("HKSTP's Chinese name is missing: %+v", hkstp.Aliases)
	}

	// The seed article's facts about the Microelectronics R&D Institute attach to ROR's record.
	seed := filepath.Join("..", "..", "..", "..", "shared", "eval", "dev", "seed-article.txt")
	text, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	res, err := ingest.New(s, nil, nil).Ingest(ctx, ingest.Document{Text: string(text), Published: "2025-04-30"})
	if err != nil {
		t.Fatal(err)
	}
	mrdi := entityBy(t, s, "ror", "05xrrkv56")
	for _, id := range res.Created {
		if e, err := s.Entity(ctx, id); err == nil && strings.Contains(e.Name, "Microelectronics") {
			t.Errorf("ingest created %s (%s) beside ROR's %s", id, e.Name, mrdi.ID)
		}
	}
	sts, err := s.Statements(ctx, store.StatementQuery{Subjects: []string{mrdi.ID}, Source: res.Source})
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) == 0 {
		t.Errorf("no statement of the article is about ROR's MRDI record %s", mrdi.ID)
	}
}
