package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

// writer is a store.Writer inside one transaction.
type writer struct {
	reader
	types   map[string]string // entity ID → type, cached for validation
	degrees map[string]int    // degree changes to apply before commit
	lastSeq int64
	// seqHeld is set once the counter row is locked by this transaction; later numbers are
	// counted in memory and written back once, by flushSeq, before commit.
	seqHeld, seqDirty bool
}

// nextSeq reserves n sequence numbers and returns the first. The counter row is locked until
// the transaction ends, so sequence numbers are handed out in commit order.
func (w *writer) nextSeq(ctx context.Context, n int) (int64, error) {
	if w.seqHeld {
		w.lastSeq += int64(n)
		w.seqDirty = true
		return w.lastSeq - int64(n) + 1, nil
	}
	var last int64
	if err := w.c.row(ctx, "UPDATE counters SET value = value + ? WHERE name = 'seq' RETURNING value", n).Scan(&last); err != nil {
		return 0, fmt.Errorf("sequence: %w", err)
	}
	w.lastSeq, w.seqHeld = last, true
	return last - int64(n) + 1, nil
}

// flushSeq writes the counter back when numbers were handed out from memory.
func (w *writer) flushSeq(ctx context.Context) error {
	if !w.seqDirty {
		return nil
	}
	if _, err := w.c.exec(ctx, "UPDATE counters SET value = ? WHERE name = 'seq'", w.lastSeq); err != nil {
		return fmt.Errorf("sequence: %w", err)
	}
	w.seqDirty = false
	return nil
}

// Seq answers from the counter this transaction holds, which the table does not show yet.
func (w *writer) Seq(ctx context.Context) (int64, error) {
	if w.seqHeld {
		return w.lastSeq, nil
	}
	return w.reader.Seq(ctx)
}

func (w *writer) PutSource(ctx context.Context, s model.Source) error {
	if s.ID == "" {
		s.ID = model.SourceID(s)
	}
	if err := model.ValidateSource(s); err != nil {
		return store.Invalid(fmt.Errorf("source %s: %w", s.ID, err))
	}
	if s.RecordedAt.IsZero() {
		s.RecordedAt = time.Now()
	}
	var one int
	err := w.c.row(ctx, "SELECT 1 FROM sources WHERE id = ?", s.ID).Scan(&one)
	if err == nil {
		return nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("source %s: %w", s.ID, err)
	}
	seq, err := w.nextSeq(ctx, 1)
	if err != nil {
		return err
	}
	_, err = w.c.exec(ctx, `INSERT INTO sources (id, kind, title, url, published, sha256, version, author, recorded_at, seq)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
		s.ID, s.Kind, s.Title, s.URL, s.Published, s.SHA256, s.Version, s.Author, fmtTime(s.RecordedAt), seq)
	if err != nil {
		return fmt.Errorf("source %s: %w", s.ID, err)
	}
	return nil
}

func (w *writer) PutEntity(ctx context.Context, e model.Entity) error {
	if err := model.ValidateEntity(e); err != nil {
		return store.Invalid(fmt.Errorf("entity %s: %w", e.ID, err))
	}
	// a new entity (most of an import's) needs no more than this one lookup
	var oldType string
	err := w.c.row(ctx, "SELECT type FROM entities WHERE id = ?", e.ID).Scan(&oldType)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("entity %s: %w", e.ID, err)
	}
	var old model.Entity
	if exists {
		if oldType != e.Type {
			return store.Invalid(fmt.Errorf("entity %s: %w", e.ID, &model.FieldError{Field: "type", Value: e.Type,
				Msg: "the entity exists as a " + oldType}))
		}
		if old, err = w.reader.Entity(ctx, e.ID); err != nil {
			return err
		}
	}
	// identifiers held by another entity are a conflict
	var newIDs [][2]string
	for _, scheme := range sortedKeys(e.Identifiers) {
		value := e.Identifiers[scheme]
		if old.Identifiers[scheme] == value {
			continue
		}
		owner, err := w.reader.EntityByIdentifier(ctx, scheme, value)
		switch {
		case err == nil:
			return store.Invalid(fmt.Errorf("entity %s: %w", e.ID, &model.FieldError{Field: "identifiers." + scheme,
				Value: value, Msg: "already identifies entity " + owner}))
		case !errors.Is(err, store.ErrNotFound):
			return err
		}
		newIDs = append(newIDs, [2]string{scheme, value})
	}
	have := map[model.Alias]bool{}
	for _, a := range old.Aliases {
		have[model.Alias{Value: a.Value, Lang: a.Lang}] = true
	}
	var newAliases []model.Alias
	for _, a := range e.Aliases {
		k := model.Alias{Value: a.Value, Lang: a.Lang}
		if !have[k] && !(a.Value == e.Name && exists) {
			have[k] = true
			newAliases = append(newAliases, a)
		}
	}
	if exists && len(newIDs) == 0 && len(newAliases) == 0 {
		return nil
	}
	seq, err := w.nextSeq(ctx, 1)
	if err != nil {
		return err
	}
	if exists {
		_, err = w.c.exec(ctx, "UPDATE entities SET seq = ? WHERE id = ?", seq, e.ID)
	} else {
		if e.CreatedAt.IsZero() {
			e.CreatedAt = time.Now()
		}
		_, err = w.c.exec(ctx, `INSERT INTO entities (id, type, category, name, norm, created_at, seq)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, e.ID, e.Type, e.Category, e.Name, model.NormName(e.Name), fmtTime(e.CreatedAt), seq)
		w.types[e.ID] = e.Type
	}
	if err != nil {
		return fmt.Errorf("entity %s: %w", e.ID, err)
	}
	for _, a := range newAliases {
		if _, err := w.c.exec(ctx, `INSERT INTO aliases (entity_id, value, lang, kind, norm) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (entity_id, value, lang) DO NOTHING`, e.ID, a.Value, a.Lang, a.Kind, model.NormName(a.Value)); err != nil {
			return fmt.Errorf("entity %s alias %q: %w", e.ID, a.Value, err)
		}
	}
	for _, id := range newIDs {
		if _, err := w.c.exec(ctx, "INSERT INTO identifiers (scheme, value, entity_id) VALUES (?, ?, ?)", id[0], id[1], e.ID); err != nil {
			return fmt.Errorf("entity %s identifier %s:%s: %w", e.ID, id[0], id[1], err)
		}
	}
	return nil
}

func (w *writer) typeOf(ctx context.Context) model.TypeOf {
	return func(id string) (string, bool) {
		if t, ok := w.types[id]; ok {
			return t, true
		}
		var t string
		if err := w.c.row(ctx, "SELECT type FROM entities WHERE id = ?", id).Scan(&t); err != nil {
			return "", false
		}
		w.types[id] = t
		return t, true
	}
}

func (w *writer) AddStatements(ctx context.Context, sts []model.Statement) (int, error) {
	typeOf := w.typeOf(ctx)
	seen := map[string]bool{}
	var fresh []model.Statement
	for i, s := range sts {
		if s.ID == "" {
			s.ID = model.StatementID(s)
		}
		if err := model.ValidateStatement(s, typeOf); err != nil {
			return 0, store.Invalid(fmt.Errorf("statement %d (%s %s %s): %w", i+1, s.Subject, s.Predicate, s.Object, err))
		}
		if seen[s.ID] {
			continue
		}
		seen[s.ID] = true
		fresh = append(fresh, s)
	}
	// drop statements already stored, in chunks that keep the parameter count small
	var todo []model.Statement
	for start := 0; start < len(fresh); start += 500 {
		chunk := fresh[start:min(start+500, len(fresh))]
		ids := make([]string, len(chunk))
		for i, s := range chunk {
			ids[i] = s.ID
		}
		rows, err := w.c.query(ctx, "SELECT id FROM statements WHERE id IN ("+placeholders(len(ids))+")", anys(ids)...)
		if err != nil {
			return 0, fmt.Errorf("statements: %w", err)
		}
		stored, err := scanStrings(rows)
		if err != nil {
			return 0, err
		}
		have := make(map[string]bool, len(stored))
		for _, id := range stored {
			have[id] = true
		}
		for _, s := range chunk {
			if !have[s.ID] {
				todo = append(todo, s)
			}
		}
	}
	if len(todo) == 0 {
		return 0, nil
	}
	seq, err := w.nextSeq(ctx, len(todo))
	if err != nil {
		return 0, err
	}
	now := time.Now()
	byID := make(map[string]model.Statement, len(todo))
	added := 0
	const cols = 11
	for start := 0; start < len(todo); start += 80 {
		chunk := todo[start:min(start+80, len(todo))]
		args := make([]any, 0, len(chunk)*cols)
		for i, s := range chunk {
			if s.RecordedAt.IsZero() {
				s.RecordedAt = now
			}
			var object, value any
			if s.Object != "" {
				object = s.Object
			}
			if len(s.Value) > 0 {
				value = string(s.Value)
			}
			args = append(args, s.ID, seq+int64(start+i), s.Kind, s.Subject, s.Predicate, object, value,
				encodeQualifiers(s.Qualifiers), s.SourceID, s.Evidence, fmtTime(s.RecordedAt))
			byID[s.ID] = s
		}
		rows := strings.TrimSuffix(strings.Repeat("("+placeholders(cols)+"), ", len(chunk)), ", ")
		res, err := w.c.query(ctx, `INSERT INTO statements (id, seq, kind, subject, predicate, object, value, qualifiers,
			source_id, evidence, recorded_at) VALUES `+rows+` ON CONFLICT (id) DO NOTHING RETURNING id`, args...)
		if err != nil {
			return added, fmt.Errorf("statements: %w", err)
		}
		inserted, err := scanStrings(res)
		if err != nil {
			return added, fmt.Errorf("statements: %w", err)
		}
		for _, id := range inserted {
			s := byID[id]
			added++
			w.degree(s.Subject, 1)
			if s.Kind == model.KindRelation {
				w.degree(s.Object, 1)
			}
		}
	}
	return added, nil
}

func (w *writer) degree(id string, d int) {
	if w.degrees == nil {
		w.degrees = map[string]int{}
	}
	w.degrees[id] += d
}

// flushDegrees applies the degree changes of the transaction, a few hundred entities a statement.
func (w *writer) flushDegrees(ctx context.Context) error {
	ids := sortedKeys(w.degrees)
	for start := 0; start < len(ids); start += 400 {
		chunk := ids[start:min(start+400, len(ids))]
		args := make([]any, 0, 2*len(chunk))
		for _, id := range chunk {
			args = append(args, id, w.degrees[id])
		}
		values := strings.TrimSuffix(strings.Repeat("(?, CAST(? AS INTEGER)), ", len(chunk)), ", ")
		if _, err := w.c.exec(ctx, `WITH d (id, n) AS (VALUES `+values+`)
			UPDATE entities SET degree = entities.degree + d.n FROM d WHERE entities.id = d.id`, args...); err != nil {
			return fmt.Errorf("degrees: %w", err)
		}
	}
	w.degrees = nil
	return nil
}

func (w *writer) Retract(ctx context.Context, id string, at time.Time) error {
	var subject string
	var object sql.NullString
	var kind string
	var retracted sql.NullString
	err := w.c.row(ctx, "SELECT subject, object, kind, retracted_at FROM statements WHERE id = ?", id).Scan(&subject, &object, &kind, &retracted)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("statement %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("statement %s: %w", id, err)
	}
	if retracted.Valid {
		return nil
	}
	seq, err := w.nextSeq(ctx, 1)
	if err != nil {
		return err
	}
	if _, err := w.c.exec(ctx, "UPDATE statements SET retracted_at = ?, seq = ? WHERE id = ?", fmtTime(at), seq, id); err != nil {
		return fmt.Errorf("retract %s: %w", id, err)
	}
	w.degree(subject, -1)
	if kind == model.KindRelation && object.Valid {
		w.degree(object.String, -1)
	}
	return nil
}

func (w *writer) Merge(ctx context.Context, m store.Merge) error {
	if m.From == m.Into {
		return store.Invalid(&model.FieldError{Field: "into", Value: m.Into, Msg: "an entity cannot be merged into itself"})
	}
	from, err := w.reader.Entity(ctx, m.From)
	if err != nil {
		return err
	}
	into, err := w.reader.Entity(ctx, m.Into)
	if err != nil {
		return err
	}
	if from.MergedInto != "" {
		return store.Invalid(&model.FieldError{Field: "from", Value: m.From, Msg: "already merged into " + from.MergedInto})
	}
	if into.MergedInto != "" {
		return store.Invalid(&model.FieldError{Field: "into", Value: m.Into, Msg: "is itself merged into " + into.MergedInto})
	}
	if from.Type != into.Type {
		return store.Invalid(&model.FieldError{Field: "into", Value: m.Into, Msg: fmt.Sprintf("a %s cannot be merged into a %s", from.Type, into.Type)})
	}
	if m.RecordedAt.IsZero() {
		m.RecordedAt = time.Now()
	}
	seq, err := w.nextSeq(ctx, 1)
	if err != nil {
		return err
	}
	// entities merged into from now point at into directly, so every redirect is one step
	if _, err := w.c.exec(ctx, "UPDATE entities SET merged_into = ?, seq = ? WHERE id = ? OR merged_into = ?", m.Into, seq, m.From, m.From); err != nil {
		return fmt.Errorf("merge %s into %s: %w", m.From, m.Into, err)
	}
	if _, err := w.c.exec(ctx, "UPDATE entities SET seq = ? WHERE id = ?", seq, m.Into); err != nil {
		return fmt.Errorf("merge %s into %s: %w", m.From, m.Into, err)
	}
	var degree int
	if err := w.c.row(ctx, "SELECT degree FROM entities WHERE id = ?", m.From).Scan(&degree); err != nil {
		return fmt.Errorf("merge %s: %w", m.From, err)
	}
	w.degree(m.Into, degree)
	_, err = w.c.exec(ctx, "INSERT INTO merges (from_id, into_id, reason, score, recorded_at) VALUES (?, ?, ?, ?, ?)",
		m.From, m.Into, m.Reason, m.Score, fmtTime(m.RecordedAt))
	if err != nil {
		return fmt.Errorf("merge %s into %s: %w", m.From, m.Into, err)
	}
	return nil
}

func (w *writer) PutToken(ctx context.Context, hash, scope, name string) error {
	_, err := w.c.exec(ctx, "INSERT INTO tokens (hash, scope, name, created_at) VALUES (?, ?, ?, ?)", hash, scope, name, fmtTime(time.Now()))
	if err != nil {
		return fmt.Errorf("token: %w", err)
	}
	return nil
}
