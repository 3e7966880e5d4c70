package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/sqlite"
)

// run runs hkin with args and returns its standard output.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := Run(context.Background(), "test", args, &out, &errOut)
	return out.String(), err
}

// sample writes a small database with a merge and a retraction in it.
func sample(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	src := model.Source{Kind: model.SourceDocument, Title: "Seed", URL: "https://example.org/seed", Published: "2025-04-30"}
	src.ID = model.SourceID(src)
	err = s.Update(ctx, func(w store.Writer) error {
		if err := w.PutSource(ctx, src); err != nil {
			return err
		}
		for _, e := range []model.Entity{
			{ID: "hong-kong", Type: model.Place, Name: "Hong Kong", Aliases: []model.Alias{{Value: "香港", Lang: "zh-Hant"}}},
			{ID: "japan", Type: model.Place, Name: "Japan"},
			{ID: "rice-robotics", Type: model.Organization, Category: "startup", Name: "Rice Robotics", Identifiers: map[string]string{"website": "https://ricerobotics.com"}},
			{ID: "rice-robotics-ltd", Type: model.Organization, Name: "Rice Robotics Ltd"},
		} {
			if err := w.PutEntity(ctx, e); err != nil {
				return err
			}
		}
		change := 10.0
		sts := []model.Statement{
			{Kind: model.KindRelation, Subject: "rice-robotics", Predicate: "operates_in", Object: "japan", SourceID: src.ID, Evidence: "His robots already serve in Japan."},
			{Kind: model.KindRelation, Subject: "rice-robotics-ltd", Predicate: "located_in", Object: "hong-kong", SourceID: src.ID},
			{Kind: model.KindMetric, Subject: "hong-kong", Predicate: "startup_count", Value: model.NumberValue(4694), SourceID: src.ID,
				Qualifiers: model.Qualifiers{Unit: "count", Period: "2024", ChangePercent: &change, BasePeriod: "2023"}},
			{Kind: model.KindEvent, Subject: "rice-robotics", Predicate: "founded", Qualifiers: model.Qualifiers{Date: "2019"}, SourceID: src.ID},
		}
		if _, err := w.AddStatements(ctx, sts); err != nil {
			return err
		}
		if err := w.Retract(ctx, model.StatementID(sts[3]), time.Date(2025, 5, 2, 0, 0, 0, 0, time.UTC)); err != nil {
			return err
		}
		return w.Merge(ctx, store.Merge{From: "rice-robotics-ltd", Into: "rice-robotics", Reason: "name", Score: 0.97})
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	sample(t, a)
	first, err := run(t, "export", "--db", a, "--format", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	dump := filepath.Join(dir, "dump.jsonl")
	if err := os.WriteFile(dump, []byte(first), 0o644); err != nil {
		t.Fatal(err)
	}
	for range 2 { // a second import adds nothing
		if _, err := run(t, "import", "jsonl", "--db", b, dump); err != nil {
			t.Fatal(err)
		}
	}
	second, err := run(t, "export", "--db", b)
	if err != nil {
		t.Fatal(err)
	}
	if first != second {
		t.Fatalf("export → import → export differs:\n%s\n---\n%s", first, second)
	}
	for _, want := range []string{`"merge":`, `"retracted_at":`, `"香港"`, `"change_percent":10`} {
		if !strings.Contains(first, want) {
			t.Errorf("dump lacks %s", want)
		}
	}
	statsA, _ := run(t, "stats", "--json", "--db", a)
	statsB, _ := run(t, "stats", "--json", "--db", b)
	if statsA != statsB {
		t.Errorf("stats differ: %s vs %s", statsA, statsB)
	}
}

func TestImportBadLines(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "hkin.db")
	sample(t, db)
	before, _ := run(t, "stats", "--json", "--db", db)
	good := `{"entity":{"id":"thailand","type":"place","name":"Thailand","aliases":[],"identifiers":{},"created_at":"2025-01-01T00:00:00Z"}}`
	for _, tt := range []struct{ name, data, want string }{
		{"malformed", good + "\n{\"entity\": {\n", "line 2: malformed JSON"},
		{"unknown type", good + "\n" + `{"entity":{"id":"x","type":"robot","name":"X"}}`, `line 2: entity x: type "robot"`},
		{"dangling", good + "\n" + `{"source":{"id":"s1","kind":"edit","recorded_at":"2025-01-01T00:00:00Z"}}` + "\n" +
			`{"statement":{"kind":"relation","subject":"thailand","predicate":"partners_with","object":"mars","source_id":"s1","recorded_at":"2025-01-01T00:00:00Z"}}`, `line 3`},
		{"empty object", "{}", "line 1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := filepath.Join(dir, tt.name+".jsonl")
			os.WriteFile(f, []byte(tt.data), 0o644)
			_, err := run(t, "import", "jsonl", "--db", db, f)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), f) {
				t.Fatalf("want an error naming the file and %q, got %v", tt.want, err)
			}
			if after, _ := run(t, "stats", "--json", "--db", db); after != before {
				t.Fatalf("a failed import changed the store:\n%s\n%s", before, after)
			}
		})
	}
}

func TestShowAndSearch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hkin.db")
	sample(t, db)
	out, err := run(t, "show", "--db", db, "--json", "Rice Robotics Ltd")
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		ID         string `json:"id"`
		Statements []struct {
			Source   struct{ Title string } `json:"source"`
			Evidence string                 `json:"evidence"`
		} `json:"statements"`
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	if p.ID != "rice-robotics" || len(p.Statements) != 2 || p.Statements[0].Source.Title != "Seed" {
		t.Fatalf("show: %s", out)
	}
	text, err := run(t, "show", "--db", db, "website:https://ricerobotics.com")
	if err != nil || !strings.Contains(text, "His robots already serve in Japan.") || !strings.Contains(text, "[1] Seed (2025-04-30)") {
		t.Fatalf("show text: %v\n%s", err, text)
	}
	if _, err := run(t, "show", "--db", db, "Nobody"); err == nil || !strings.Contains(err.Error(), "Nobody") {
		t.Fatalf("show of an unknown name: %v", err)
	}
	out, err = run(t, "search", "--db", db, "--json", "香港")
	if err != nil || !strings.Contains(out, `"id": "hong-kong"`) || !strings.Contains(out, `"meta"`) {
		t.Fatalf("search: %v %s", err, out)
	}
}

func TestEnvironmentConfig(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	sample(t, db)
	t.Setenv("HKIN_DB", db)
	out, err := run(t, "stats", "--json")
	if err != nil || !strings.Contains(out, `"entities": 3`) {
		t.Fatalf("HKIN_DB not used: %v %s", err, out)
	}
	t.Setenv("HKIN_LOG_LEVEL", "loud")
	if _, err := run(t, "stats"); err == nil || !strings.Contains(err.Error(), "loud") {
		t.Fatalf("bad HKIN_LOG_LEVEL: %v", err)
	}
}

func TestIngest(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "hkin.db")
	article := filepath.Join(dir, "a.txt")
	text := "Victor Lee, CEO of Rice Robotics, said the Hong Kong startup will open an office in Tokyo in 2026.\n"
	if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, "--db", db, "--json", "ingest", "--published", "2025-05-08", "--url", "https://example.org/a", article)
	if err != nil {
		t.Fatal(err, out)
	}
	var res struct {
		Source   string            `json:"source"`
		Entities map[string]string `json:"entities"`
		Created  []string          `json:"created"`
		Added    int               `json:"added"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if res.Source == "" || len(res.Created) == 0 {
		t.Fatalf("ingest stored nothing: %s", out)
	}
	out, err = run(t, "--db", db, "--json", "ingest", "--published", "2025-05-08", "--url", "https://example.org/a", article)
	if err != nil {
		t.Fatal(err)
	}
	var again struct {
		Created []string `json:"created"`
		Added   int      `json:"added"`
	}
	json.Unmarshal([]byte(out), &again)
	if again.Added != 0 || len(again.Created) != 0 {
		t.Errorf("second ingest added %d statements and %v entities", again.Added, again.Created)
	}
	if _, err := run(t, "--db", db, "ingest", "--published", "08/05/2025", article); err == nil || !strings.Contains(err.Error(), "a.txt") {
		t.Errorf("a bad date: want an error naming the file, got %v", err)
	}
	if _, err := run(t, "--db", db, "ingest", filepath.Join(dir, "missing.txt")); err == nil {
		t.Error("a missing file did not fail")
	}
}

func TestAnalyze(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hkin.db")
	sample(t, db)
	out, err := run(t, "--db", db, "--json", "analyze", "pagerank", "--limit", "2")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Results []struct{ ID string } `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Results) != 2 {
		t.Fatalf("%v: %s", err, out)
	}
	for _, bad := range [][]string{{"analyze", "pagerank", "--damping", "2"}, {"analyze", "path", "x"}, {"analyze", "cliques"}} {
		if _, err := run(t, append([]string{"--db", db}, bad...)...); err == nil {
			t.Errorf("%v did not fail", bad)
		}
	}
}
