// Package jsonl reads and writes hkin's JSON Lines dump: one object a line, each with exactly
// one of "source", "entity", "statement" or "merge". An export imported into an empty store
// and exported again gives the same bytes.
package jsonl

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

// Line is one line of a dump.
type Line struct {
	Source    *model.Source    `json:"source,omitempty"`
	Entity    *model.Entity    `json:"entity,omitempty"`
	Statement *model.Statement `json:"statement,omitempty"`
	Merge     *store.Merge     `json:"merge,omitempty"`
}

// Export writes everything the store holds: sources, entities (merged ones too), statements
// (retracted ones too) in change order, then merges.
func Export(ctx context.Context, s store.Reader, w io.Writer) error {
	return Encode(w, func(put func(Line) error) error { return export(ctx, s, put) })
}

// Encode runs fn with a put function that writes lines to w, buffered.
func Encode(w io.Writer, fn func(put func(Line) error) error) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if err := fn(func(l Line) error { return enc.Encode(l) }); err != nil {
		return err
	}
	return bw.Flush()
}

func export(ctx context.Context, s store.Reader, put func(Line) error) error {
	var merges []store.Merge
	var sourceIDs []string
	err := store.EachPage(ctx, s, store.EntityQuery{Sort: store.SortCreated, Limit: 1000, Export: true}, func(es []model.Entity) error {
		for i := range es {
			e := es[i]
			if err := put(Line{Entity: &e}); err != nil {
				return err
			}
			if e.MergedInto == "" {
				ms, err := s.MergedInto(ctx, e.ID)
				if err != nil {
					return err
				}
				merges = append(merges, ms...)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("export entities: %w", err)
	}
	// statements, in pages by sequence number; their sources are written first
	var since int64
	seen := map[string]bool{}
	var buf []Line
	for {
		sts, err := s.Statements(ctx, store.StatementQuery{SinceSeq: since, IncludeRetracted: true, Limit: 5000})
		if err != nil {
			return fmt.Errorf("export statements: %w", err)
		}
		if len(sts) == 0 {
			break
		}
		for i := range sts {
			st := sts[i]
			since = st.Seq
			st.Seq = 0
			if !seen[st.SourceID] {
				seen[st.SourceID] = true
				sourceIDs = append(sourceIDs, st.SourceID)
			}
			buf = append(buf, Line{Statement: &st})
		}
	}
	srcs, err := s.Sources(ctx, sourceIDs)
	if err != nil {
		return fmt.Errorf("export sources: %w", err)
	}
	sort.Slice(srcs, func(i, j int) bool { return srcs[i].ID < srcs[j].ID })
	for i := range srcs {
		if err := put(Line{Source: &srcs[i]}); err != nil {
			return err
		}
	}
	for _, l := range buf {
		if err := put(l); err != nil {
			return err
		}
	}
	sort.Slice(merges, func(i, j int) bool { return merges[i].From < merges[j].From })
	for i := range merges {
		if err := put(Line{Merge: &merges[i]}); err != nil {
			return err
		}
	}
	return nil
}

// LineError names the line of a dump that could not be read or stored.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// Counts says what an import added.
type Counts struct {
	Lines, Sources, Entities, Statements, Merges int
}

// Import reads a dump and stores it in one transaction: a bad line stores nothing and the error
// names the line. Importing the same dump again adds nothing. progress, if not nil, is called
// with the number of bytes read so far.
func Import(ctx context.Context, s store.Store, r io.Reader, progress func(read int64)) (Counts, error) {
	var c Counts
	err := s.Update(ctx, func(w store.Writer) error {
		c = Counts{}
		cr := &countingReader{r: r}
		sc := bufio.NewScanner(cr)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		var batch []model.Statement
		batchStart := 0
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			n, err := w.AddStatements(ctx, batch)
			if err != nil {
				var le *LineError
				if !errors.As(err, &le) {
					return &LineError{Line: batchStart, Err: fmt.Errorf("statements from this line on: %w", err)}
				}
				return err
			}
			c.Statements += n
			for _, st := range batch {
				if st.RetractedAt != nil {
					if err := w.Retract(ctx, model.StatementID(st), *st.RetractedAt); err != nil {
						return &LineError{Line: batchStart, Err: err}
					}
				}
			}
			batch = batch[:0]
			return nil
		}
		for sc.Scan() {
			c.Lines++
			if len(sc.Bytes()) == 0 {
				continue
			}
			var l Line
			dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&l); err != nil {
				return &LineError{Line: c.Lines, Err: fmt.Errorf("malformed JSON: %w", err)}
			}
			var err error
			switch {
			case l.Source != nil:
				err = w.PutSource(ctx, *l.Source)
				c.Sources++
			case l.Entity != nil:
				err = w.PutEntity(ctx, *l.Entity) // a merge comes as a line of its own
				c.Entities++
			case l.Statement != nil:
				if l.Statement.ID != "" && l.Statement.ID != model.StatementID(*l.Statement) {
					err = fmt.Errorf("statement %s: id does not match its content", l.Statement.ID)
					break
				}
				if len(batch) == 0 {
					batchStart = c.Lines
				}
				batch = append(batch, *l.Statement)
				if len(batch) >= 1000 {
					err = flush()
				}
			case l.Merge != nil:
				if err = flush(); err == nil {
					err = mergeOnce(ctx, w, *l.Merge)
					c.Merges++
				}
			default:
				err = errors.New(`want one of "source", "entity", "statement" or "merge"`)
			}
			if err != nil {
				var le *LineError
				if errors.As(err, &le) {
					return err
				}
				return &LineError{Line: c.Lines, Err: err}
			}
			if progress != nil && c.Lines%1000 == 0 {
				progress(cr.n)
			}
		}
		if err := sc.Err(); err != nil {
			return &LineError{Line: c.Lines + 1, Err: err}
		}
		if progress != nil {
			progress(cr.n)
		}
		return flush()
	})
	return c, err
}

// mergeOnce applies a merge unless the entity is already merged the same way.
func mergeOnce(ctx context.Context, w store.Writer, m store.Merge) error {
	e, err := w.Entity(ctx, m.From)
	if err != nil {
		return err
	}
	if e.MergedInto == m.Into {
		return nil
	}
	return w.Merge(ctx, m)
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
