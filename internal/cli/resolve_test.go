package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/sqlite"
)

func TestResolveReviewAndApply(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "hkin.db")
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Update(ctx, func(w store.Writer) error {
		for _, e := range []model.Entity{
			{ID: "hkstp", Type: model.Organization, Name: "Hong Kong Science and Technology Parks Corporation", Identifiers: map[string]string{"ror": "05q8mqd91"},
				Aliases: []model.Alias{{Value: "香港科技园公司", Lang: "zh"}}},
			{ID: "hkstp-zh", Type: model.Organization, Name: "香港科技園公司"},
			{ID: "hkust", Type: model.Organization, Name: "Hong Kong University of Science and Technology"},
			{ID: "hkust-2", Type: model.Organization, Name: "HKUST"},
			{ID: "other", Type: model.Organization, Name: "Cyberport"},
		} {
			if err := w.PutEntity(ctx, e); err != nil {
				return err
			}
		}
		return nil
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	var answer struct {
		Results []resolvePair `json:"results"`
	}
	out, err := run(t, "resolve", "--review", "--json", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(out), &answer); err != nil {
		t.Fatal(err)
	}
	if len(answer.Results) != 1 || answer.Results[0].Keep != "hkust" || answer.Results[0].Drop != "hkust-2" {
		t.Fatalf("review: want hkust ← hkust-2 only, got %s", out)
	}
	out, err = run(t, "resolve", "--apply", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "1 merged") {
		t.Fatalf("apply: %s", out)
	}
	out, err = run(t, "show", "hkstp-zh", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "merged into hkstp") || !strings.Contains(out, "name across Chinese scripts") {
		t.Fatalf("show after merge does not explain it:\n%s", out)
	}
	// nothing more to merge: a second run changes nothing
	out, err = run(t, "resolve", "--apply", "--db", db)
	if err != nil || !strings.Contains(out, "0 merged of 0") {
		t.Fatalf("second apply: %s %v", out, err)
	}
}
