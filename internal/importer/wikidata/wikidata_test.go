package wikidata

import (
	"compress/gzip"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/sqlite"
)

const fixture = "testdata/entities.json"

func openStore(t *testing.T) store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "hkin.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func byQ(t *testing.T, s store.Reader, q string) model.Entity {
	t.Helper()
	ctx := context.Background()
	id, err := s.EntityByIdentifier(ctx, "wikidata", q)
	if err != nil {
		t.Fatalf("wikidata:%s: %v", q, err)
	}
	e, err := store.Resolve(ctx, s, id)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// facts lists every live statement as "subject-name predicate object-name role date".
func facts(t *testing.T, s store.Reader) []string {
	t.Helper()
	ctx := context.Background()
	sts, err := s.Statements(ctx, store.StatementQuery{})
	if err != nil {
		t.Fatal(err)
	}
	name := func(id string) string {
		e, err := s.Entity(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return e.Name
	}
	var out []string
	for _, st := range sts {
		f := name(st.Subject) + " " + st.Predicate
		if st.Object != "" {
			f += " " + name(st.Object)
		}
		if st.Role != "" {
			f += " as " + st.Role
		}
		if st.Date != "" {
			f += " " + st.Date
		}
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

func TestImportFixture(t *testing.T) {
	s := openStore(t)
	c, err := Import(context.Background(), s, fixture, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Lines != 7 || c.Items != 6 || c.Ignored != 1 || c.Created != 6 || c.Skipped != 1 {
		t.Errorf("counts %+v", c)
	}
	hkstp := byQ(t, s, "Q900003")
	if hkstp.Type != model.Organization || hkstp.Category != "government" {
		t.Errorf("HKSTP: %+v", hkstp)
	}
	wantIDs := map[string]string{"wikidata": "Q900003", "ror": "05q8mqd91", "website": "hkstp.org"}
	if !reflect.DeepEqual(hkstp.Identifiers, wantIDs) {
		t.Errorf("identifiers %v, want %v", hkstp.Identifiers, wantIDs)
	}
	wantAliases := []model.Alias{
		{Value: "HKSTP", Lang: "en", Kind: "acronym"},
		{Value: "香港科技園公司", Lang: "zh-HK", Kind: "label"},
		{Value: "香港科技园公司", Lang: "zh-Hans", Kind: "label"},
		{Value: "香港科技園公司", Lang: "zh-Hant", Kind: "label"},
	}
	if !reflect.DeepEqual(hkstp.Aliases, wantAliases) {
		t.Errorf("aliases %+v, want %+v", hkstp.Aliases, wantAliases)
	}
	china := byQ(t, s, "Q900002")
	if china.Type != model.Place || china.Category != "country" {
		t.Errorf("China: %+v", china)
	}
	want := []string{
		"Albert Wong holds_position Hong Kong Science and Technology Parks Corporation as CEO",
		"Hong Kong Science and Technology Parks Corporation founded 2001-05-07",
		"Hong Kong Science and Technology Parks Corporation located_in Hong Kong",
		"Hong Kong Science and Technology Parks Corporation located_in People's Republic of China",
		"Hong Kong part_of People's Republic of China",
		"Rice Robotics founded 2019",
		"Rice Robotics located_in Hong Kong",
		"Victor Lee founded Rice Robotics",
	}
	if got := facts(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("statements:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestImportTwiceAndAttachToROR(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	// an organisation imported from ROR before: the item with its ROR ID attaches to it
	err := s.Update(ctx, func(w store.Writer) error {
		return w.PutEntity(ctx, model.Entity{ID: "hkstp", Type: model.Organization, Category: "association",
			Name: "Hong Kong Science and Technology Parks Corporation", Identifiers: map[string]string{"ror": "05q8mqd91"}})
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Import(ctx, s, fixture, Options{}); err != nil {
		t.Fatal(err)
	}
	if e := byQ(t, s, "Q900003"); e.ID != "hkstp" || e.Category != "association" {
		t.Fatalf("the item did not attach to the ROR entity: %+v", e)
	}
	before, _ := s.Stats(ctx)
	seq, _ := s.Seq(ctx)
	c, err := Import(ctx, s, fixture, Options{})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := s.Stats(ctx)
	seq2, _ := s.Seq(ctx)
	if !reflect.DeepEqual(before, after) || seq != seq2 || c.Created != 0 || c.Statements != 0 {
		t.Fatalf("second import changed the store: %+v → %+v, seq %d → %d, %+v", before, after, seq, seq2, c)
	}
}

func TestPackings(t *testing.T) {
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	paths := map[string]string{"gzip": filepath.Join(dir, "wikidata-20250106-all.json.gz")}
	f, _ := os.Create(paths["gzip"])
	gz := gzip.NewWriter(f)
	gz.Write(data)
	gz.Close()
	f.Close()
	if bz, err := exec.LookPath("bzip2"); err == nil {
		p := filepath.Join(dir, "subset.json")
		os.WriteFile(p, data, 0o644)
		if err := exec.Command(bz, "-k", p).Run(); err != nil {
			t.Fatal(err)
		}
		paths["bzip2"] = p + ".bz2"
	} else {
		t.Log("no bzip2 command: the .bz2 packing is not tested")
	}
	for name, path := range paths {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			s := openStore(t)
			c, err := Import(ctx, s, path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if c.Items != 6 {
				t.Fatalf("counts %+v", c)
			}
			if name == "gzip" {
				srcs, _ := s.RecentSources(ctx, 1)
				if len(srcs) != 1 || srcs[0].Version != "20250106" || srcs[0].Published != "2025-01-06" {
					t.Fatalf("source %+v", srcs)
				}
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"truncated line", strings.Join(lines[:3], "\n") + "\n" + lines[3][:200], []string{"line 4", "malformed JSON"}},
		{"no closing bracket", strings.Join(lines[:len(lines)-2], "\n"), []string{"truncated"}},
		{"wrong value", strings.Replace(string(data), `"time": "+2001-05-07T00:00:00Z"`, `"time": 2001`, 1), []string{"line 4", "Q900003", "claims.P571"}},
		{"not a dump", `{"id": "Q1"}`, []string{"line 1", "not a Wikidata JSON dump"}},
		{"bad id", "[\n{\"id\": \"X1\", \"type\": \"item\"}\n]\n", []string{"line 2", "field id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := openStore(t)
			path := filepath.Join(t.TempDir(), "bad.json")
			os.WriteFile(path, []byte(tt.body), 0o644)
			_, err := Import(ctx, s, path, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if st, _ := s.Stats(ctx); st.Entities != 0 || st.Sources != 0 {
				t.Errorf("a failed import stored something: %+v", st)
			}
		})
	}
}
