package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const article = "Victor Lee, CEO of Nimbus Robotics, said on Monday the start-up now serves hospitals in Japan and Thailand. " +
	"Nimbus Robotics is based in Sha Tin and employs about 120 people."

func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, "--db", filepath.Join(dir, "none.db"), "extract", "--published", "2025-04-30", path)
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Document  struct{ Published string }
		Entities  []struct{ ID, Name, Type string }
		Relations []struct{ Subject, Predicate, Object, Role, Evidence string }
		Events    []json.RawMessage
		Metrics   []struct {
			Subject, Metric string
			Value           float64
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if res.Document.Published != "2025-04-30" {
		t.Errorf("published %q", res.Document.Published)
	}
	names := map[string]string{}
	for _, e := range res.Entities {
		names[e.ID] = e.Name + "/" + e.Type
	}
	var rels []string
	for _, r := range res.Relations {
		rels = append(rels, names[r.Subject]+" "+r.Predicate+" "+names[r.Object])
		if r.Evidence == "" {
			t.Errorf("relation without evidence: %+v", r)
		}
	}
	for _, want := range []string{
		"Victor Lee/person holds_position Nimbus Robotics/organization",
		"Nimbus Robotics/organization operates_in Japan/place",
		"Nimbus Robotics/organization located_in Sha Tin/place",
	} {
		if !strings.Contains(strings.Join(rels, "\n"), want) {
			t.Errorf("missing relation %q in\n%s", want, strings.Join(rels, "\n"))
		}
	}
	if len(res.Metrics) != 1 || res.Metrics[0].Metric != "employee_count" || res.Metrics[0].Value != 120 {
		t.Errorf("metrics %+v", res.Metrics)
	}
	if res.Events == nil {
		t.Error("events is null, want []")
	}
	// extract stores nothing: no database file appears
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Error("extract created the database")
	}
}

func TestExtractStdin(t *testing.T) {
	var out, errOut bytes.Buffer
	a := &App{Version: "test", Out: &out, Err: &errOut}
	root := a.Root()
	root.SetIn(strings.NewReader(article))
	root.SetArgs([]string{"extract", "-"})
	if err := root.ExecuteContext(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"Nimbus Robotics"`) {
		t.Errorf("output:\n%s", out.String())
	}
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := bytes.Repeat([]byte("Hong Kong grew. "), (5<<20)/16+1)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"empty", []string{"extract", write("empty.txt", []byte(" \n"))}, "empty text"},
		{"binary", []string{"extract", write("bin.txt", []byte("PK\x03\x04\x00\x01"))}, "not UTF-8 text"},
		{"latin-1", []string{"extract", write("latin.txt", []byte("Caf\xe9 in Hong Kong"))}, "not UTF-8 text"},
		{"too large", []string{"extract", write("big.txt", big)}, "larger than"},
		{"bad date", []string{"extract", "--published", "30/04/2025", write("ok.txt", []byte(article))}, "YYYY-MM-DD"},
		{"missing file", []string{"extract", filepath.Join(dir, "nope.txt")}, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := run(t, tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
			if out != "" {
				t.Errorf("printed %q on error", out)
			}
		})
	}
}
