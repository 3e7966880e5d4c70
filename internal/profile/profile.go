// Package profile builds what the API and the CLI show of one entity: the entity found by any of
// its references, its statements with their sources and the names of the entities they link, and
// the network around it.
package profile

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

// Source is the part of a source a statement shows.
type Source struct {
	ID        string `json:"id"`
	Kind      string `json:"kind"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
}

// Statement is a statement as the API shows it: outgoing statements have Subject = the entity;
// incoming relations (Direction "in") have Object = the entity.
type Statement struct {
	ID          string `json:"id"`
	Kind        string `json:"kind"`
	Direction   string `json:"direction"` // out or in
	Subject     string `json:"subject"`
	SubjectName string `json:"subject_name,omitempty"`
	Predicate   string `json:"predicate"`
	Object      string `json:"object,omitempty"`
	ObjectName  string `json:"object_name,omitempty"`
	ObjectType  string `json:"object_type,omitempty"`
	Value       any    `json:"value,omitempty"`
	model.Qualifiers
	Source      Source     `json:"source"`
	Evidence    string     `json:"evidence,omitempty"`
	RecordedAt  time.Time  `json:"recorded_at"`
	RetractedAt *time.Time `json:"retracted_at,omitempty"`
}

// Entity is an entity with its statements, as the API's entity answer.
type Entity struct {
	model.Entity
	Statements []Statement   `json:"statements"`
	MergedFrom []store.Merge `json:"merged_from,omitempty"`
}

// ErrAmbiguous is returned by Find when a name matches several entities.
var ErrAmbiguous = errors.New("ambiguous name")

// Find returns the entity a reference names: an internal ID, SCHEME:VALUE (ror:05q8mqd91), or a
// name or alias. It follows merges. redirected is the ID asked for when it was merged away.
func Find(ctx context.Context, r store.Reader, ref string) (e model.Entity, redirected string, err error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return e, "", fmt.Errorf("empty reference: %w", store.ErrNotFound)
	}
	id := ref
	if scheme, value, ok := strings.Cut(ref, ":"); ok && scheme != "" && value != "" {
		id, err = r.EntityByIdentifier(ctx, strings.ToLower(scheme), value)
		if err != nil {
			return e, "", err
		}
	}
	e, err = r.Entity(ctx, id)
	if errors.Is(err, store.ErrNotFound) && id == ref {
		var ids []string
		ids, err = r.EntitiesByName(ctx, model.NormName(ref))
		switch {
		case err != nil:
			return e, "", err
		case len(ids) == 0:
			return e, "", fmt.Errorf("no entity is called %q: %w", ref, store.ErrNotFound)
		case len(ids) > 1:
			return e, "", fmt.Errorf("%q names %d entities (%s): %w", ref, len(ids), strings.Join(ids, ", "), ErrAmbiguous)
		}
		id = ids[0]
		e, err = r.Entity(ctx, id)
	}
	if err != nil {
		return e, "", err
	}
	if e.MergedInto != "" {
		redirected = e.ID
		e, err = store.Resolve(ctx, r, e.ID)
	}
	return e, redirected, err
}

// Build returns the entity's profile: its statements, outgoing and incoming, with sources.
func Build(ctx context.Context, r store.Reader, e model.Entity) (*Entity, error) {
	sts, err := r.Statements(ctx, store.StatementQuery{Subjects: []string{e.ID}, Objects: []string{e.ID}, About: true})
	if err != nil {
		return nil, err
	}
	views, err := Render(ctx, r, sts, e.ID)
	if err != nil {
		return nil, err
	}
	merges, err := r.MergedInto(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	return &Entity{Entity: e, Statements: views, MergedFrom: merges}, nil
}

// Render turns statements into their API form, with sources and the names of linked entities.
// about is the entity they are shown on ("" shows them all as outgoing).
func Render(ctx context.Context, r store.Reader, sts []model.Statement, about string) ([]Statement, error) {
	names := map[string]model.Entity{}
	srcs := map[string]Source{}
	var need, needSrc []string
	for _, s := range sts {
		need = append(need, s.Subject)
		if s.Object != "" {
			need = append(need, s.Object)
		}
		needSrc = append(needSrc, s.SourceID)
	}
	if err := lookupNames(ctx, r, dedupe(need), names); err != nil {
		return nil, err
	}
	found, err := r.Sources(ctx, dedupe(needSrc))
	if err != nil {
		return nil, err
	}
	for _, s := range found {
		srcs[s.ID] = Source{ID: s.ID, Kind: s.Kind, Title: s.Title, URL: s.URL, Published: s.Published}
	}
	out := make([]Statement, 0, len(sts))
	for _, s := range sts {
		v := Statement{ID: s.ID, Kind: s.Kind, Direction: "out", Subject: s.Subject, Predicate: s.Predicate,
			Object: s.Object, Qualifiers: s.Qualifiers, Source: srcs[s.SourceID], Evidence: s.Evidence,
			RecordedAt: s.RecordedAt, RetractedAt: s.RetractedAt}
		if v.Source.ID == "" {
			v.Source.ID = s.SourceID
		}
		if sub, ok := names[s.Subject]; ok {
			v.Subject, v.SubjectName = sub.ID, sub.Name
		}
		if obj, ok := names[s.Object]; ok {
			v.Object, v.ObjectName, v.ObjectType = obj.ID, obj.Name, obj.Type
		}
		if about != "" && v.Subject != about && v.Object == about {
			v.Direction = "in"
		}
		switch s.Kind {
		case model.KindMetric:
			if f, ok := s.Number(); ok {
				v.Value = f
			}
		case model.KindAttribute:
			v.Value = s.Text()
		}
		out = append(out, v)
	}
	return out, nil
}

func dedupe(ids []string) []string {
	sort.Strings(ids)
	out := ids[:0]
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			out = append(out, id)
		}
	}
	return out
}

// lookupNames fills names with the live entity each ID stands for.
func lookupNames(ctx context.Context, r store.Reader, ids []string, names map[string]model.Entity) error {
	for start := 0; start < len(ids); start += 400 {
		chunk := ids[start:min(start+400, len(ids))]
		page, err := r.Entities(ctx, store.EntityQuery{IDs: chunk, Limit: len(chunk), Bare: true})
		if err != nil {
			return err
		}
		for _, e := range page.Entities {
			names[e.ID] = e
		}
		for _, id := range chunk {
			if _, ok := names[id]; !ok {
				if e, err := store.Resolve(ctx, r, id); err == nil { // merged away
					names[id] = e
				}
			}
		}
	}
	return nil
}
