package extract

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The scorer and the dev set live in ../shared/eval (outside the repository).
const sharedEval = "../../../shared/eval"

// part is the scorer's report on one part (entities, relations, events, metrics, overall).
type part struct {
	Precision, Recall, F1 float64
	TP, FP, FN            int
}

// scores is the part of the scorer's report the tests read.
type scores map[string]part

// extractDir extracts every NAME.txt in dir whose NAME.gold.json exists into out/NAME.json,
// with the publication date the gold file gives.
func extractDir(t *testing.T, x *Extractor, dir, out string) int {
	t.Helper()
	golds, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range golds {
		stem := strings.TrimSuffix(filepath.Base(g), ".gold.json")
		var gold struct {
			Document struct{ Published string } `json:"document"`
		}
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &gold); err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		text, err := os.ReadFile(filepath.Join(dir, stem+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		res, err := x.Extract(context.Background(), string(text), gold.Document.Published)
		if err != nil {
			t.Fatalf("%s: %v", stem, err)
		}
		b, err = json.MarshalIndent(res, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, stem+".json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return len(golds)
}

// score runs the shared scorer on a gold folder and a prediction folder.
func score(t *testing.T, goldDir, predDir string) scores {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		needShared(t, "python3 not found")
	}
	cmd := exec.Command(py, filepath.Join(sharedEval, "score"), goldDir, predDir, "--verbose")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("scorer: %v\n%s", err, stderr.String())
	}
	if testing.Verbose() {
		t.Log("scorer details:\n" + stderr.String())
	}
	// the report also holds "documents", of another shape: decode the parts one by one
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(out, &raw); err != nil {
		t.Fatalf("scorer output: %v\n%s", err, out)
	}
	s := scores{}
	for _, k := range []string{"entities", "relations", "events", "metrics", "overall"} {
		var v part
		if err := json.Unmarshal(raw[k], &v); err != nil {
			t.Fatalf("scorer output %s: %v", k, err)
		}
		s[k] = v
	}
	return s
}

// needShared skips the test, or fails it when CI is set.
func needShared(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (CI is set, so this fails instead of skipping)", why)
	}
	t.Skip(why)
}

func logScores(t *testing.T, name string, s scores) {
	t.Helper()
	for _, k := range []string{"entities", "relations", "events", "metrics", "overall"} {
		v := s[k]
		t.Logf("%s %-9s P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", name, k, v.Precision, v.Recall, v.F1, v.TP, v.FP, v.FN)
	}
}

// TestEvalDev scores the extractor on the shared dev set with the shared scorer.
func TestEvalDev(t *testing.T) {
	dev := filepath.Join(sharedEval, "dev")
	if _, err := os.Stat(filepath.Join(sharedEval, "score")); err != nil {
		needShared(t, "../shared/eval is absent: "+err.Error())
	}
	out := t.TempDir()
	if n := extractDir(t, New(nil), dev, out); n == 0 {
		t.Fatalf("no gold files in %s", dev)
	}
	s := score(t, dev, out)
	logScores(t, "dev", s)
	floors := map[string]float64{"overall": 0.95, "entities": 0.95, "relations": 0.9, "events": 0.9, "metrics": 0.9}
	for k, min := range floors {
		if s[k].F1 < min {
			t.Errorf("dev %s F1 %.3f, want at least %.2f", k, s[k].F1, min)
		}
	}
}

// TestEvalOwn scores the extractor on the articles written for this package (testdata/articles).
func TestEvalOwn(t *testing.T) {
	if _, err := os.Stat(filepath.Join(sharedEval, "score")); err != nil {
		needShared(t, "../shared/eval/score is absent: "+err.Error())
	}
	dir := "testdata/articles"
	out := t.TempDir()
	if n := extractDir(t, New(nil), dir, out); n == 0 {
		t.Skip("no articles in testdata/articles yet")
	}
	s := score(t, dir, out)
	logScores(t, "own", s)
	floors := map[string]float64{"overall": 0.9, "entities": 0.9, "relations": 0.8, "events": 0.7, "metrics": 0.8}
	for k, min := range floors {
		if s[k].F1 < min {
			t.Errorf("own %s F1 %.3f, want at least %.2f", k, s[k].F1, min)
		}
	}
}
