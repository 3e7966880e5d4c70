package indicator

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/starter"
	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/sqlite"
)

func TestStartupSeries(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "hkin.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := starter.LoadIfEmpty(ctx, s); err != nil {
		t.Fatal(err)
	}
	// a later source disagrees on 2023
	src := model.Source{Kind: model.SourceDocument, Title: "A later report", URL: "https://example.org/r", Published: "2025-06-01", RecordedAt: time.Now()}
	src.ID = model.SourceID(src)
	err = s.Update(ctx, func(w store.Writer) error {
		w.PutSource(ctx, src)
		_, err := w.AddStatements(ctx, []model.Statement{{Kind: model.KindMetric, Subject: "hong-kong", Predicate: "startup_count",
			Value: model.NumberValue(4300), Qualifiers: model.Qualifiers{Unit: "count", Period: "2023"}, SourceID: src.ID, RecordedAt: time.Now()}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	series, err := Build(ctx, s, Query{Subject: "hong-kong", Metric: "startup_count"})
	if err != nil {
		t.Fatal(err)
	}
	if len(series) != 1 {
		t.Fatalf("%d series, want 1: %+v", len(series), series)
	}
	got := map[string]Point{}
	var periods []string
	for _, p := range series[0].Points {
		got[p.Period] = p
		periods = append(periods, p.Period)
	}
	if want := []string{"2015", "2019", "2020", "2021", "2022", "2023", "2024"}; len(periods) != len(want) {
		t.Fatalf("periods %v, want %v", periods, want)
	}
	tests := []struct {
		period string
		value  float64
		yoy    float64 // -1: none
		change float64 // -1: none reported
		nConfl int
	}{
		{"2015", 1558, -1, -1, 0},
		{"2019", 3184, -1, -1, 0}, // 2018 unknown: no year-on-year change
		{"2020", 3360, 5.5, -1, 0},
		{"2023", 4300, 7.9, -1, 1}, // the newer source wins; the survey's 4,257 is a conflict
		{"2024", 4694, 9.2, 10, 0}, // the value from the survey, the reported +10% kept beside it
	}
	for _, tt := range tests {
		p := got[tt.period]
		if p.Value == nil || *p.Value != tt.value {
			t.Errorf("%s: value %v, want %v", tt.period, p.Value, tt.value)
		}
		if (tt.yoy < 0) != (p.YoY == nil) || (p.YoY != nil && *p.YoY != tt.yoy) {
			t.Errorf("%s: yoy %v, want %v", tt.period, p.YoY, tt.yoy)
		}
		if (tt.change < 0) != (p.ChangePercent == nil) || (p.ChangePercent != nil && *p.ChangePercent != tt.change) {
			t.Errorf("%s: reported change %v, want %v", tt.period, p.ChangePercent, tt.change)
		}
		if len(p.Conflicts) != tt.nConfl {
			t.Errorf("%s: %d conflicts, want %d", tt.period, len(p.Conflicts), tt.nConfl)
		}
		if p.Source.ID == "" {
			t.Errorf("%s: no source", tt.period)
		}
	}

	all, err := Build(ctx, s, Query{})
	if err != nil {
		t.Fatal(err)
	}
	metrics := map[string]bool{}
	for _, s := range all {
		metrics[s.Metric] = true
	}
	for _, m := range []string{"startup_count", "startup_employment", "company_count", "travel_time"} {
		if !metrics[m] {
			t.Errorf("no %s series among %d", m, len(all))
		}
	}
}

func TestConsecutiveYears(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{{"2023", "2024", true}, {"2022", "2024", false}, {"2024-01", "2024-02", false}, {"", "2024", false}}
	for _, tt := range tests {
		if got := consecutiveYears(tt.a, tt.b); got != tt.want {
			t.Errorf("consecutiveYears(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}
