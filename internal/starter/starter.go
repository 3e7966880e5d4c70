// Package starter holds hkin's starter network: facts about the Hong Kong innovation network
// typed in from public sources (data/*.json), embedded in the binary and loaded into an empty
// database so that a new installation shows the network at once.
//
// Each data file is one JSON object with "sources", "entities", "relations", "events" and
// "metrics" (see the README's "Starter network" section); IDs are shared across files.
package starter

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"time"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

//go:embed data/*.json
var files embed.FS

// Dataset is the starter network as model values.
type Dataset struct {
	Sources    []model.Source
	Entities   []model.Entity
	Statements []model.Statement
}

type fileSource struct {
	Key       string `json:"key"`
	Kind      string `json:"kind"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	SHA256    string `json:"sha256"`
	Version   string `json:"version"`
}

type fileEntity struct {
	ID          string            `json:"id"`
	Type        string            `json:"type"`
	Category    string            `json:"category"`
	Name        string            `json:"name"`
	Aliases     []model.Alias     `json:"aliases"`
	Identifiers map[string]string `json:"identifiers"`
	Description string            `json:"description"`
	Source      string            `json:"source"`
}

type fileFact struct {
	Subject  string `json:"subject"`
	Object   string `json:"object"`
	Source   string `json:"source"`
	Evidence string `json:"evidence"`
	// relations
	Predicate string `json:"predicate"`
	// events
	Kind string `json:"kind"`
	// metrics
	Metric string   `json:"metric"`
	Value  *float64 `json:"value"`
	model.Qualifiers
}

type file struct {
	Sources   []fileSource `json:"sources"`
	Entities  []fileEntity `json:"entities"`
	Relations []fileFact   `json:"relations"`
	Events    []fileFact   `json:"events"`
	Metrics   []fileFact   `json:"metrics"`
}

// Load reads and checks the embedded starter network.
func Load() (*Dataset, error) { return LoadFS(files, "data") }

// LoadFS reads and checks a starter network from the *.json files in dir of fsys. Errors name
// the file and the item.
func LoadFS(fsys fs.FS, dir string) (*Dataset, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var parsed []file
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		var f file
		if err := json.Unmarshal(b, &f); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		parsed = append(parsed, f)
	}
	return build(names, parsed)
}

func build(names []string, parsed []file) (*Dataset, error) {
	ds := &Dataset{}
	// the data was typed in at one time; a fixed time keeps repeated loads identical
	at := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	sources := map[string]string{} // key → source ID
	keyOf := map[string]string{}   // source ID → key
	for i, f := range parsed {
		for _, s := range f.Sources {
			if _, dup := sources[s.Key]; dup || s.Key == "" {
				return nil, fmt.Errorf("%s: source %q: empty or defined twice", names[i], s.Key)
			}
			src := model.Source{Kind: s.Kind, Title: s.Title, URL: s.URL, Published: s.Published, SHA256: s.SHA256, Version: s.Version, RecordedAt: at}
			src.ID = model.SourceID(src)
			if err := model.ValidateSource(src); err != nil {
				return nil, fmt.Errorf("%s: source %q: %w", names[i], s.Key, err)
			}
			if other, dup := keyOf[src.ID]; dup {
				return nil, fmt.Errorf("%s: source %q is the same source as %q (same URL and date, or same text)", names[i], s.Key, other)
			}
			keyOf[src.ID] = s.Key
			sources[s.Key] = src.ID
			ds.Sources = append(ds.Sources, src)
		}
	}
	sourceOf := func(file, what, key string) (string, error) {
		id, ok := sources[key]
		if !ok {
			return "", fmt.Errorf("%s: %s: unknown source %q", file, what, key)
		}
		return id, nil
	}
	types := map[string]string{}
	for i, f := range parsed {
		for _, fe := range f.Entities {
			e := model.Entity{ID: fe.ID, Type: fe.Type, Category: fe.Category, Name: fe.Name, Aliases: fe.Aliases, Identifiers: fe.Identifiers, CreatedAt: at}
			if err := model.ValidateEntity(e); err != nil {
				return nil, fmt.Errorf("%s: entity %q: %w", names[i], fe.ID, err)
			}
			if _, dup := types[e.ID]; dup {
				return nil, fmt.Errorf("%s: entity %q is defined twice", names[i], fe.ID)
			}
			if e.ID != model.Slug(e.ID) {
				return nil, fmt.Errorf("%s: entity %q: id must be a lowercase slug", names[i], fe.ID)
			}
			types[e.ID] = e.Type
			ds.Entities = append(ds.Entities, e)
			src, err := sourceOf(names[i], "entity "+fe.ID, fe.Source)
			if err != nil {
				return nil, err
			}
			if fe.Description != "" {
				ds.Statements = append(ds.Statements, model.Statement{Kind: model.KindAttribute, Subject: e.ID,
					Predicate: "description", Value: model.TextValue(fe.Description), SourceID: src, RecordedAt: at})
			}
		}
	}
	typeOf := func(id string) (string, bool) { t, ok := types[id]; return t, ok }
	for i, f := range parsed {
		var facts []fileFact
		var kinds []string
		for _, group := range []struct {
			kind  string
			facts []fileFact
		}{{model.KindRelation, f.Relations}, {model.KindEvent, f.Events}, {model.KindMetric, f.Metrics}} {
			for _, x := range group.facts {
				facts = append(facts, x)
				kinds = append(kinds, group.kind)
			}
		}
		for j, x := range facts {
			st := model.Statement{Kind: kinds[j], Subject: x.Subject, Object: x.Object, Qualifiers: x.Qualifiers, Evidence: x.Evidence, RecordedAt: at}
			switch kinds[j] {
			case model.KindRelation:
				st.Predicate = x.Predicate
			case model.KindEvent:
				st.Predicate = x.Kind
			case model.KindMetric:
				st.Predicate = x.Metric
				if x.Value != nil {
					st.Value = model.NumberValue(*x.Value)
				}
			}
			what := fmt.Sprintf("%s %s %s %s", kinds[j], x.Subject, st.Predicate, x.Object)
			src, err := sourceOf(names[i], what, x.Source)
			if err != nil {
				return nil, err
			}
			st.SourceID = src
			if err := model.ValidateStatement(st, typeOf); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", names[i], what, err)
			}
			st.ID = model.StatementID(st)
			ds.Statements = append(ds.Statements, st)
		}
	}
	return ds, nil
}

// Apply writes the dataset in one transaction. Applying it again adds nothing.
func (ds *Dataset) Apply(ctx context.Context, s store.Store) error {
	return s.Update(ctx, func(w store.Writer) error {
		for _, src := range ds.Sources {
			if err := w.PutSource(ctx, src); err != nil {
				return err
			}
		}
		for _, e := range ds.Entities {
			if err := w.PutEntity(ctx, e); err != nil {
				return err
			}
		}
		_, err := w.AddStatements(ctx, ds.Statements)
		return err
	})
}

// LoadIfEmpty applies the embedded starter network when the store holds no entities, and
// reports whether it did.
func LoadIfEmpty(ctx context.Context, s store.Store) (bool, error) {
	st, err := s.Stats(ctx)
	if err != nil {
		return false, err
	}
	if st.Entities > 0 || st.Merged > 0 {
		return false, nil
	}
	ds, err := Load()
	if err != nil {
		return false, fmt.Errorf("starter network: %w", err)
	}
	if err := ds.Apply(ctx, s); err != nil {
		return false, fmt.Errorf("starter network: %w", err)
	}
	return true, nil
}
