// Package indicator turns metric statements into series: one value per period for each subject
// and metric, with the year-on-year change computed where consecutive years are known and the
// change a source reported kept beside it. Where sources disagree on a period, the value with the
// newest source wins and the others are listed as conflicts.
package indicator

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

// Query selects series; empty fields do not restrict.
type Query struct {
	Subject string // an entity ID
	Metric  string
}

// Series is one metric of one subject over time.
type Series struct {
	Subject     string  `json:"subject"`
	SubjectName string  `json:"subject_name"`
	Object      string  `json:"object,omitempty"`
	ObjectName  string  `json:"object_name,omitempty"`
	Metric      string  `json:"metric"`
	Unit        string  `json:"unit,omitempty"`
	Points      []Point `json:"points"`
}

// Point is the value of a series in one period.
type Point struct {
	Period        string   `json:"period"`
	Value         *float64 `json:"value,omitempty"`
	Qualifier     string   `json:"qualifier,omitempty"`
	ChangePercent *float64 `json:"change_percent,omitempty"` // as a source reported it
	BasePeriod    string   `json:"base_period,omitempty"`
	YoY           *float64 `json:"yoy_percent,omitempty"` // computed from the previous year's value
	Statement     string   `json:"statement"`
	Source        Source   `json:"source"`
	Evidence      string   `json:"evidence,omitempty"`
	Conflicts     []Point  `json:"conflicts,omitempty"` // other sources' different values for the period
}

// Source is what a point shows of its source.
type Source struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
}

// Build reads the metric statements q selects and returns their series, ordered by subject
// name, then metric.
func Build(ctx context.Context, r store.Reader, q Query) ([]Series, error) {
	sq := store.StatementQuery{Kinds: []string{model.KindMetric}, Limit: 5000}
	if q.Subject != "" {
		sq.Subjects = []string{q.Subject}
	}
	if q.Metric != "" {
		sq.Predicates = []string{q.Metric}
	}
	var sts []model.Statement
	for {
		page, err := r.Statements(ctx, sq)
		if err != nil {
			return nil, fmt.Errorf("indicators: %w", err)
		}
		sts = append(sts, page...)
		if len(page) < sq.Limit {
			break
		}
		sq.SinceSeq = page[len(page)-1].Seq
	}
	sources, names, err := lookups(ctx, r, sts)
	if err != nil {
		return nil, err
	}
	type key struct{ subject, object, metric, unit string }
	groups := map[key][]model.Statement{}
	var keys []key
	for _, st := range sts {
		k := key{st.Subject, st.Object, st.Predicate, st.Qualifiers.Unit}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], st)
	}
	out := make([]Series, 0, len(keys))
	for _, k := range keys {
		s := Series{Subject: k.subject, SubjectName: names[k.subject], Object: k.object, ObjectName: names[k.object], Metric: k.metric, Unit: k.unit}
		s.Points = points(groups[k], sources)
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].SubjectName != out[j].SubjectName {
			return out[i].SubjectName < out[j].SubjectName
		}
		return out[i].Metric < out[j].Metric
	})
	return out, nil
}

func lookups(ctx context.Context, r store.Reader, sts []model.Statement) (map[string]model.Source, map[string]string, error) {
	srcIDs, entIDs := map[string]bool{}, map[string]bool{}
	for _, st := range sts {
		srcIDs[st.SourceID] = true
		entIDs[st.Subject] = true
		if st.Object != "" {
			entIDs[st.Object] = true
		}
	}
	srcs, err := r.Sources(ctx, keysOf(srcIDs))
	if err != nil {
		return nil, nil, fmt.Errorf("indicator sources: %w", err)
	}
	sources := map[string]model.Source{}
	for _, s := range srcs {
		sources[s.ID] = s
	}
	names := map[string]string{}
	ids := keysOf(entIDs)
	for len(ids) > 0 {
		n := min(len(ids), 500)
		page, err := r.Entities(ctx, store.EntityQuery{IDs: ids[:n], Limit: n, Bare: true})
		if err != nil {
			return nil, nil, fmt.Errorf("indicator subjects: %w", err)
		}
		for _, e := range page.Entities {
			names[e.ID] = e.Name
		}
		ids = ids[n:]
	}
	return sources, names, nil
}

// points picks one point per period and computes year-on-year changes.
func points(sts []model.Statement, sources map[string]model.Source) []Point {
	byPeriod := map[string][]Point{}
	for _, st := range sts {
		src := sources[st.SourceID]
		p := Point{Period: st.Qualifiers.Period, Qualifier: st.Qualifiers.Qualifier, ChangePercent: st.Qualifiers.ChangePercent,
			BasePeriod: st.Qualifiers.BasePeriod, Statement: st.ID, Evidence: st.Evidence,
			Source: Source{ID: src.ID, Title: src.Title, URL: src.URL, Published: src.Published}}
		var v float64
		if len(st.Value) > 0 && json.Unmarshal(st.Value, &v) == nil {
			p.Value = &v
		}
		if p.Period == "" && len(src.Published) >= 4 {
			p.Period = src.Published[:4] // a figure without a period holds when it was published
		}
		byPeriod[p.Period] = append(byPeriod[p.Period], p)
	}
	periods := keysOf(byPeriod)
	out := make([]Point, 0, len(periods))
	for _, period := range periods {
		cands := byPeriod[period]
		// a value beats none; then the newest source; then the statement ID, for a stable answer
		sort.SliceStable(cands, func(i, j int) bool {
			a, b := cands[i], cands[j]
			if (a.Value != nil) != (b.Value != nil) {
				return a.Value != nil
			}
			if a.Source.Published != b.Source.Published {
				return a.Source.Published > b.Source.Published
			}
			return a.Statement < b.Statement
		})
		best := cands[0]
		for _, c := range cands[1:] {
			if best.ChangePercent == nil && c.ChangePercent != nil {
				best.ChangePercent, best.BasePeriod = c.ChangePercent, c.BasePeriod
			}
			if c.Value != nil && best.Value != nil && *c.Value != *best.Value {
				best.Conflicts = append(best.Conflicts, c)
			}
		}
		out = append(out, best)
	}
	for i := 1; i < len(out); i++ {
		prev, cur := out[i-1], &out[i]
		if prev.Value == nil || cur.Value == nil || *prev.Value == 0 || !consecutiveYears(prev.Period, cur.Period) {
			continue
		}
		yoy := math.Round((*cur.Value-*prev.Value) / *prev.Value * 1000) / 10
		cur.YoY = &yoy
	}
	return out
}

func consecutiveYears(a, b string) bool {
	if len(a) != 4 || len(b) != 4 {
		return false
	}
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	return err1 == nil && err2 == nil && y == x+1
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
