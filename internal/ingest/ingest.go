// Package ingest turns a document into sourced statements: it extracts the facts, resolves the
// entities it names onto those already in the store, and stores everything in one transaction
// with the document as the source and each sentence as the evidence. Ingesting the same text
// twice adds nothing.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hkin/hkin/internal/extract"
	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

// Document is a text to ingest with what is known of it.
type Document struct {
	Text      string `json:"text"`
	Published string `json:"published"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
}

// Result is what an ingest stored.
type Result struct {
	Extraction *extract.Result   `json:"extraction"`
	Source     string            `json:"source"`
	Entities   map[string]string `json:"entities"` // extraction ID → stored entity ID
	Created    []string          `json:"created"`  // entities new to the store
	Statements []string          `json:"statements"`
	Added      int               `json:"added"`   // statements new to the store
	Skipped    []string          `json:"skipped"` // extracted facts the ontology rejected after resolution, and why
}

// Resolver finds the stored entity an extracted one stands for ("" when there is none).
type Resolver interface {
	Resolve(ctx context.Context, r store.Reader, e model.Entity) (string, error)
}

// Pipeline ingests documents into a store. It is safe for concurrent use.
type Pipeline struct {
	st       store.Store
	resolver Resolver
	log      *slog.Logger

	mu      sync.Mutex
	seq     int64
	ex      *extract.Extractor
	builtAt time.Time
}

// New returns a pipeline writing to st. resolver may be nil: entities are then matched by
// identifier, then by exact normalised name or alias of the same type.
func New(st store.Store, resolver Resolver, log *slog.Logger) *Pipeline {
	if resolver == nil {
		resolver = nameResolver{}
	}
	if log == nil {
		log = slog.Default()
	}
	return &Pipeline{st: st, resolver: resolver, log: log}
}

// Extractor returns an extractor whose gazetteer holds every entity in the store, rebuilt when
// the store has changed (at most every few seconds).
func (p *Pipeline) Extractor(ctx context.Context) (*extract.Extractor, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	seq, err := p.st.Seq(ctx)
	if err != nil {
		return nil, err
	}
	if p.ex != nil && (seq == p.seq || time.Since(p.builtAt) < 5*time.Second) {
		return p.ex, nil
	}
	known, err := Gazetteer(ctx, p.st)
	if err != nil {
		return nil, err
	}
	p.ex, p.seq, p.builtAt = extract.New(known), seq, time.Now()
	p.log.Debug("gazetteer built", "entities", len(known), "seq", seq)
	return p.ex, nil
}

// Gazetteer lists every live entity with its names, for the extractor.
func Gazetteer(ctx context.Context, r store.Reader) ([]extract.Known, error) {
	var known []extract.Known
	err := store.EachPage(ctx, r, store.EntityQuery{Sort: store.SortCreated, Limit: 2000}, func(es []model.Entity) error {
		for _, e := range es {
			k := extract.Known{ID: e.ID, Name: e.Name, Type: e.Type, Category: e.Category}
			for _, a := range e.Aliases {
				k.Aliases = append(k.Aliases, a.Value)
			}
			known = append(known, k)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return known, nil
}

// Source returns the source a document is stored under: its text's hash identifies it.
func Source(doc Document) model.Source {
	sum := sha256.Sum256([]byte(doc.Text))
	src := model.Source{Kind: model.SourceDocument, Title: doc.Title, URL: doc.URL, Published: doc.Published,
		SHA256: hex.EncodeToString(sum[:]), RecordedAt: time.Now().UTC()}
	src.ID = model.SourceID(src)
	return src
}

// Ingest extracts a document's facts and stores them.
func (p *Pipeline) Ingest(ctx context.Context, doc Document) (*Result, error) {
	ex, err := p.Extractor(ctx)
	if err != nil {
		return nil, err
	}
	x, err := ex.Extract(ctx, doc.Text, doc.Published)
	if err != nil {
		return nil, err
	}
	if doc.Title == "" {
		doc.Title = firstLine(doc.Text)
	}
	src := Source(doc)
	res := &Result{Extraction: x, Source: src.ID, Entities: map[string]string{}, Created: []string{}, Statements: []string{}, Skipped: []string{}}
	err = p.st.Update(ctx, func(w store.Writer) error {
		*res = Result{Extraction: x, Source: src.ID, Entities: map[string]string{}, Created: []string{}, Statements: []string{}, Skipped: []string{}}
		if err := w.PutSource(ctx, src); err != nil {
			return err
		}
		types := map[string]string{}
		for _, xe := range x.Entities {
			id, created, err := p.entity(ctx, w, xe)
			if err != nil {
				return fmt.Errorf("entity %q: %w", xe.Name, err)
			}
			res.Entities[xe.ID] = id
			types[id] = xe.Type
			if created {
				res.Created = append(res.Created, id)
			}
		}
		sts := statements(x, res.Entities, src.ID)
		typeOf := func(id string) (string, bool) {
			if t, ok := types[id]; ok {
				return t, true
			}
			e, err := w.Entity(ctx, id)
			return e.Type, err == nil
		}
		var valid []model.Statement
		for _, st := range sts {
			if err := model.ValidateStatement(st, typeOf); err != nil {
				res.Skipped = append(res.Skipped, fmt.Sprintf("%s %s %s: %v", st.Subject, st.Predicate, st.Object, err))
				continue
			}
			st.ID = model.StatementID(st)
			valid = append(valid, st)
			res.Statements = append(res.Statements, st.ID)
		}
		res.Added, err = w.AddStatements(ctx, valid)
		return err
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// entity finds or creates the stored entity for an extracted one.
func (p *Pipeline) entity(ctx context.Context, w store.Writer, xe extract.Entity) (string, bool, error) {
	e := model.Entity{Type: xe.Type, Category: xe.Category, Name: xe.Name}
	for _, a := range xe.Aliases {
		if a != xe.Name && keepAlias(a, xe.Type) {
			e.Aliases = append(e.Aliases, model.Alias{Value: a, Lang: "en", Kind: "alias"})
		}
	}
	if xe.KnownID != "" {
		if known, err := store.Resolve(ctx, w, xe.KnownID); err == nil && known.Type == xe.Type {
			return known.ID, false, nil
		}
	}
	id, err := p.resolver.Resolve(ctx, w, e)
	if err != nil {
		return "", false, err
	}
	if id != "" {
		return id, false, nil
	}
	e.ID = model.NewEntityID(e, func(id string) bool { _, err := w.Entity(ctx, id); return err == nil })
	if err := w.PutEntity(ctx, e); err != nil {
		return "", false, err
	}
	return e.ID, true, nil
}

// statements turns an extraction into statements about stored entities.
func statements(x *extract.Result, ids map[string]string, source string) []model.Statement {
	var out []model.Statement
	for _, r := range x.Relations {
		out = append(out, model.Statement{Kind: model.KindRelation, Subject: ids[r.Subject], Predicate: r.Predicate, Object: ids[r.Object],
			Qualifiers: model.Qualifiers{Role: r.Role, Date: r.Date, Duration: r.Duration, Amount: r.Amount}, SourceID: source, Evidence: r.Evidence})
	}
	for _, e := range x.Events {
		out = append(out, model.Statement{Kind: model.KindEvent, Subject: ids[e.Subject], Predicate: e.Kind,
			Qualifiers: model.Qualifiers{Date: e.Date}, SourceID: source, Evidence: e.Evidence})
	}
	for _, m := range x.Metrics {
		st := model.Statement{Kind: model.KindMetric, Subject: ids[m.Subject], Predicate: m.Metric, Object: ids[m.Object],
			Qualifiers: model.Qualifiers{Unit: m.Unit, Qualifier: m.Qualifier, Period: m.Period, ChangePercent: m.ChangePercent, BasePeriod: m.BasePeriod},
			SourceID:   source, Evidence: m.Evidence}
		if m.Value != nil {
			st.Value = model.NumberValue(*m.Value)
		}
		out = append(out, st)
	}
	return out
}

// nameResolver matches by exact normalised name or alias, of the same type, when one entity has it.
type nameResolver struct{}

func (nameResolver) Resolve(ctx context.Context, r store.Reader, e model.Entity) (string, error) {
	names := []string{e.Name}
	for _, a := range e.Aliases {
		names = append(names, a.Value)
	}
	for _, n := range names {
		ids, err := r.EntitiesByName(ctx, model.NormName(n))
		if err != nil {
			return "", err
		}
		var same []string
		for _, id := range ids {
			if got, err := r.Entity(ctx, id); err == nil && got.Type == e.Type {
				same = append(same, id)
			}
		}
		if len(same) == 1 {
			return same[0], nil
		}
	}
	return "", nil
}

// keepAlias reports whether a name the text used for an entity is worth storing as an alias:
// coreferring phrases ("the city", "the institute") and a person's bare surname ("Lee") name
// the entity only inside this text.
func keepAlias(a, typ string) bool {
	r, _ := utf8.DecodeRuneInString(a)
	if unicode.IsLower(r) || strings.HasPrefix(a, "The ") || strings.HasPrefix(a, "the ") {
		return false
	}
	if typ == model.Person && !strings.ContainsAny(a, " .") {
		return false
	}
	return true
}

func firstLine(text string) string {
	text = strings.TrimSpace(text)
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = strings.TrimSpace(text[:i])
	}
	if utf8.RuneCountInString(text) <= 120 {
		return text
	}
	cut := text[:len(string([]rune(text)[:120]))]
	if i := strings.LastIndexByte(cut, ' '); i > 60 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
