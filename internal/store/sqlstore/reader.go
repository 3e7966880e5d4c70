package sqlstore

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
)

type reader struct{ c conn }

const entityCols = "e.id, e.type, e.category, e.name, e.merged_into, e.created_at"

func scanEntity(sc interface{ Scan(...any) error }) (model.Entity, error) {
	var e model.Entity
	var merged sql.NullString
	var created string
	if err := sc.Scan(&e.ID, &e.Type, &e.Category, &e.Name, &merged, &created); err != nil {
		return e, err
	}
	e.MergedInto = merged.String
	e.CreatedAt = parseTime(created)
	return e, nil
}

func (r reader) Entity(ctx context.Context, id string) (model.Entity, error) {
	e, err := scanEntity(r.c.row(ctx, "SELECT "+entityCols+" FROM entities e WHERE e.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("entity %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return e, fmt.Errorf("entity %q: %w", id, err)
	}
	es := []model.Entity{e}
	if err := r.fillNames(ctx, es, true); err != nil {
		return e, err
	}
	return es[0], nil
}

// fillNames loads the aliases and identifiers of entities and, with family, those of the
// entities merged into them.
func (r reader) fillNames(ctx context.Context, es []model.Entity, family bool) error {
	if len(es) == 0 {
		return nil
	}
	idx := make(map[string]int, len(es))
	ids := make([]string, len(es))
	for i := range es {
		idx[es[i].ID] = i
		ids[i] = es[i].ID
		es[i].Aliases = []model.Alias{}
		es[i].Identifiers = map[string]string{}
	}
	members := "(SELECT id AS member, id AS owner FROM entities WHERE id IN (" + placeholders(len(ids)) + "))"
	args := anys(ids)
	if family {
		members = "(SELECT id AS member, COALESCE(merged_into, id) AS owner FROM entities WHERE id IN (" +
			placeholders(len(ids)) + ") OR merged_into IN (" + placeholders(len(ids)) + "))"
		args = append(args, anys(ids)...)
	}
	rows, err := r.c.query(ctx, `SELECT f.owner, a.value, a.lang, a.kind FROM aliases a JOIN `+members+` f
		ON a.entity_id = f.member ORDER BY f.owner, a.kind, a.lang, a.value`, args...)
	if err != nil {
		return fmt.Errorf("aliases: %w", err)
	}
	for rows.Next() {
		var owner string
		var a model.Alias
		if err := rows.Scan(&owner, &a.Value, &a.Lang, &a.Kind); err != nil {
			rows.Close()
			return err
		}
		if i, ok := idx[owner]; ok && !hasAlias(es[i].Aliases, a) {
			es[i].Aliases = append(es[i].Aliases, a)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = r.c.query(ctx, `SELECT f.owner, i.scheme, i.value FROM identifiers i JOIN `+members+` f
		ON i.entity_id = f.member ORDER BY f.owner, i.scheme, i.value`, args...)
	if err != nil {
		return fmt.Errorf("identifiers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var owner, scheme, value string
		if err := rows.Scan(&owner, &scheme, &value); err != nil {
			return err
		}
		if i, ok := idx[owner]; ok {
			if _, dup := es[i].Identifiers[scheme]; !dup {
				es[i].Identifiers[scheme] = value
			}
		}
	}
	return rows.Err()
}

func (r reader) EntityByIdentifier(ctx context.Context, scheme, value string) (string, error) {
	var id string
	err := r.c.row(ctx, "SELECT entity_id FROM identifiers WHERE scheme = ? AND value = ?", scheme, value).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("identifier %s:%s: %w", scheme, value, store.ErrNotFound)
	}
	return id, err
}

func (r reader) EntitiesByName(ctx context.Context, key string) ([]string, error) {
	rows, err := r.c.query(ctx, `SELECT DISTINCT COALESCE(e.merged_into, e.id) FROM entities e
		WHERE e.norm = ? OR e.id IN (SELECT entity_id FROM aliases WHERE norm = ?)`, key, key)
	if err != nil {
		return nil, fmt.Errorf("entities by name: %w", err)
	}
	return scanStrings(rows)
}

func scanStrings(rows *sql.Rows) ([]string, error) {
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// cursor is the position after the last entity of a page.
type cursor struct {
	Offset int    `json:"o,omitempty"`
	Value  string `json:"v,omitempty"`
	ID     string `json:"i,omitempty"`
}

func encodeCursor(c cursor) string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string) (cursor, error) {
	var c cursor
	if s == "" {
		return c, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil {
		return c, &model.FieldError{Field: "cursor", Value: s, Msg: "not a cursor this server issued"}
	}
	return c, nil
}

// where builds the conditions shared by Entities and CountEntities.
func where(q store.EntityQuery) (string, []any, error) {
	conds := []string{"e.merged_into IS NULL"}
	if q.Export {
		conds = []string{"1 = 1"}
	}
	var args []any
	if q.SinceSeq > 0 {
		conds = append(conds, "e.seq > ?")
		args = append(args, q.SinceSeq)
	}
	if len(q.IDs) > 0 {
		conds = append(conds, "e.id IN ("+placeholders(len(q.IDs))+")")
		args = append(args, anys(q.IDs)...)
	}
	for _, f := range q.Filters {
		if len(f.Values) == 0 {
			continue
		}
		switch f.Field {
		case "type", "category":
			conds = append(conds, "e."+f.Field+" IN ("+placeholders(len(f.Values))+")")
			args = append(args, anys(f.Values)...)
		default:
			if _, ok := model.LookupPredicate(f.Field); !ok {
				return "", nil, &model.FieldError{Field: "filter", Value: f.Field, Msg: "unknown filter field (want type, category or a predicate such as located_in)"}
			}
			objects := placeholders(len(f.Values))
			if f.Field == "located_in" || f.Field == "part_of" {
				// the place itself and every place within it
				objects = `WITH RECURSIVE within(id) AS (
					SELECT id FROM entities WHERE id IN (` + objects + `)
					UNION SELECT p.subject FROM statements p JOIN within w ON p.object = w.id
					WHERE p.predicate = 'part_of' AND p.retracted_at IS NULL)
					SELECT id FROM within`
			}
			conds = append(conds, `e.id IN (SELECT s.subject FROM statements s WHERE s.kind = 'relation'
				AND s.predicate = ? AND s.retracted_at IS NULL AND s.object IN (`+objects+`))`)
			args = append(args, f.Field)
			args = append(args, anys(f.Values)...)
		}
	}
	return strings.Join(conds, " AND "), args, nil
}

// searchJoin matches q.Search against names and aliases, giving each entity its best rank:
// 0 exact, 1 prefix, 2 word prefix, 3 substring.
func searchJoin(key string) (string, []any) {
	esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(key)
	return `JOIN (SELECT n.id, MIN(CASE WHEN n.norm = ? THEN 0 WHEN n.norm LIKE ? ESCAPE '\' THEN 1
			WHEN n.norm LIKE ? ESCAPE '\' THEN 2 ELSE 3 END) AS rank
		FROM (SELECT id, norm FROM entities UNION ALL
		      SELECT COALESCE(m.merged_into, a.entity_id), a.norm FROM aliases a JOIN entities m ON m.id = a.entity_id) n
		WHERE n.norm LIKE ? ESCAPE '\' GROUP BY n.id) hit ON hit.id = e.id`,
		[]any{key, esc + "%", "% " + esc + "%", "%" + esc + "%"}
}

func (r reader) Entities(ctx context.Context, q store.EntityQuery) (store.EntityPage, error) {
	var page store.EntityPage
	cond, args, err := where(q)
	if err != nil {
		return page, err
	}
	cur, err := decodeCursor(q.Cursor)
	if err != nil {
		return page, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	from := "FROM entities e"
	var joinArgs []any
	key := model.NormName(q.Search)
	if q.Search != "" && key == "" {
		return page, nil
	}
	if key != "" {
		var j string
		j, joinArgs = searchJoin(key)
		from += " " + j
	}
	all := append(append([]any{}, joinArgs...), args...)
	// a list of IDs that fits one page is counted from the page itself
	countRows := len(q.IDs) > 0 && len(q.IDs) <= limit && cur.ID == "" && cur.Offset == 0
	if !q.Bare && !q.NoTotal && !countRows {
		if err := r.c.row(ctx, "SELECT COUNT(*) "+from+" WHERE "+cond, all...).Scan(&page.Total); err != nil {
			return page, fmt.Errorf("count entities: %w", err)
		}
	}

	sortKey, desc := strings.TrimPrefix(q.Sort, "-"), strings.HasPrefix(q.Sort, "-")
	var col string
	switch sortKey {
	case "":
		if key != "" {
			sortKey = "relevance"
		} else {
			sortKey, col = store.SortName, "e.name"
		}
	case store.SortName:
		col = "e.name"
	case store.SortCreated:
		col = "e.created_at"
	case store.SortDegree:
		col = "e.degree"
	case store.SortChanged:
		col = "e.seq"
	default:
		return page, &model.FieldError{Field: "sort", Value: q.Sort, Msg: "unknown sort key (want name, created, degree or changed, optionally prefixed by -)"}
	}

	var order string
	pageArgs := append([]any{}, all...)
	if sortKey == "relevance" {
		order = "hit.rank, e.degree DESC, e.name, e.id"
		order += fmt.Sprintf(" LIMIT %d OFFSET %d", limit+1, cur.Offset)
	} else {
		dir, cmp := "ASC", ">"
		if desc {
			dir, cmp = "DESC", "<"
		}
		if cur.ID != "" {
			v := any(cur.Value)
			if sortKey == store.SortDegree || sortKey == store.SortChanged {
				n := 0
				fmt.Sscan(cur.Value, &n)
				v = n
			}
			// ties go by ID in the same direction, so that an index on (col, id) serves the order
			cond += fmt.Sprintf(" AND (%s %s ? OR (%s = ? AND e.id %s ?))", col, cmp, col, cmp)
			pageArgs = append(pageArgs, v, v, cur.ID)
		}
		order = fmt.Sprintf("%s %s, e.id %s LIMIT %d", col, dir, dir, limit+1)
	}
	rows, err := r.c.query(ctx, "SELECT "+entityCols+", e.degree, e.seq "+from+" WHERE "+cond+" ORDER BY "+order, pageArgs...)
	if err != nil {
		return page, fmt.Errorf("list entities: %w", err)
	}
	defer rows.Close()
	var degrees, seqs []int64
	for rows.Next() {
		var e model.Entity
		var merged sql.NullString
		var created string
		var degree, seq int64
		if err := rows.Scan(&e.ID, &e.Type, &e.Category, &e.Name, &merged, &created, &degree, &seq); err != nil {
			return page, err
		}
		e.CreatedAt = parseTime(created)
		e.MergedInto = merged.String
		page.Entities = append(page.Entities, e)
		degrees, seqs = append(degrees, degree), append(seqs, seq)
	}
	if err := rows.Err(); err != nil {
		return page, err
	}
	rows.Close()
	if countRows && !q.Bare {
		page.Total = len(page.Entities)
	}
	if len(page.Entities) > limit {
		page.Entities = page.Entities[:limit]
		last := page.Entities[limit-1]
		next := cursor{ID: last.ID}
		switch sortKey {
		case "relevance":
			next = cursor{Offset: cur.Offset + limit}
		case store.SortName:
			next.Value = last.Name
		case store.SortCreated:
			next.Value = fmtTime(last.CreatedAt)
		case store.SortDegree:
			next.Value = fmt.Sprint(degrees[limit-1])
		case store.SortChanged:
			next.Value = fmt.Sprint(seqs[limit-1])
		}
		page.Next = encodeCursor(next)
	}
	if q.Bare {
		return page, nil
	}
	return page, r.fillNames(ctx, page.Entities, !q.Export)
}

func (r reader) CountEntities(ctx context.Context, q store.EntityQuery, field string) ([]store.Group, error) {
	cond, args, err := where(q)
	if err != nil {
		return nil, err
	}
	from := "FROM entities e"
	if key := model.NormName(q.Search); key != "" {
		j, joinArgs := searchJoin(key)
		from += " " + j
		args = append(joinArgs, args...)
	}
	var query string
	switch field {
	case "type", "category":
		query = "SELECT e." + field + ", '', COUNT(*) " + from + " WHERE " + cond + " GROUP BY e." + field
	default:
		if _, ok := model.LookupPredicate(field); !ok {
			return nil, &model.FieldError{Field: "group_by", Value: field, Msg: "unknown field (want type, category or a predicate such as located_in)"}
		}
		query = `SELECT s.object, o.name, COUNT(DISTINCT e.id) ` + from + `
			JOIN statements s ON s.subject = e.id AND s.kind = 'relation' AND s.retracted_at IS NULL
			JOIN entities o ON o.id = s.object
			WHERE ` + cond + ` AND s.predicate = ? GROUP BY s.object, o.name`
		args = append(args, field)
	}
	rows, err := r.c.query(ctx, query+" ORDER BY 3 DESC, 1", args...)
	if err != nil {
		return nil, fmt.Errorf("group entities: %w", err)
	}
	defer rows.Close()
	groups := []store.Group{}
	for rows.Next() {
		var g store.Group
		if err := rows.Scan(&g.Key, &g.Name, &g.Count); err != nil {
			return nil, err
		}
		groups = append(groups, g)
	}
	return groups, rows.Err()
}

const statementCols = "id, seq, kind, subject, predicate, object, value, qualifiers, source_id, evidence, recorded_at, retracted_at"

func (r reader) Statements(ctx context.Context, q store.StatementQuery) ([]model.Statement, error) {
	var conds []string
	var args []any
	family := func(ids []string) string {
		args = append(args, anys(ids)...)
		args = append(args, anys(ids)...)
		return "(SELECT id FROM entities WHERE id IN (" + placeholders(len(ids)) + ") OR merged_into IN (" + placeholders(len(ids)) + "))"
	}
	var who []string
	if len(q.Subjects) > 0 {
		who = append(who, "subject IN "+family(q.Subjects))
	}
	if len(q.Objects) > 0 {
		who = append(who, "object IN "+family(q.Objects))
	}
	if len(who) > 0 {
		op := " AND "
		if q.About {
			op = " OR "
		}
		conds = append(conds, "("+strings.Join(who, op)+")")
	}
	if len(q.Kinds) > 0 {
		conds = append(conds, "kind IN ("+placeholders(len(q.Kinds))+")")
		args = append(args, anys(q.Kinds)...)
	}
	if len(q.Predicates) > 0 {
		conds = append(conds, "predicate IN ("+placeholders(len(q.Predicates))+")")
		args = append(args, anys(q.Predicates)...)
	}
	if q.Source != "" {
		conds = append(conds, "source_id = ?")
		args = append(args, q.Source)
	}
	if q.SinceSeq > 0 {
		conds = append(conds, "seq > ?")
		args = append(args, q.SinceSeq)
	}
	if !q.IncludeRetracted {
		conds = append(conds, "retracted_at IS NULL")
	}
	query := "SELECT " + statementCols + " FROM statements"
	if len(conds) > 0 {
		query += " WHERE " + strings.Join(conds, " AND ")
	}
	query += " ORDER BY seq, id"
	if q.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	rows, err := r.c.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("statements: %w", err)
	}
	defer rows.Close()
	out := []model.Statement{}
	for rows.Next() {
		var s model.Statement
		var object, value, retracted sql.NullString
		var quals, recorded string
		if err := rows.Scan(&s.ID, &s.Seq, &s.Kind, &s.Subject, &s.Predicate, &object, &value, &quals,
			&s.SourceID, &s.Evidence, &recorded, &retracted); err != nil {
			return nil, err
		}
		s.Object = object.String
		if value.Valid && value.String != "" {
			s.Value = json.RawMessage(value.String)
		}
		if err := json.Unmarshal([]byte(quals), &s.Qualifiers); err != nil {
			return nil, fmt.Errorf("statement %s qualifiers: %w", s.ID, err)
		}
		s.RecordedAt = parseTime(recorded)
		if retracted.Valid {
			t := parseTime(retracted.String)
			s.RetractedAt = &t
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

const sourceCols = "id, kind, title, url, published, sha256, version, author, recorded_at"

func scanSources(rows *sql.Rows) ([]model.Source, error) {
	defer rows.Close()
	out := []model.Source{}
	for rows.Next() {
		var s model.Source
		var recorded string
		if err := rows.Scan(&s.ID, &s.Kind, &s.Title, &s.URL, &s.Published, &s.SHA256, &s.Version, &s.Author, &recorded); err != nil {
			return nil, err
		}
		s.RecordedAt = parseTime(recorded)
		out = append(out, s)
	}
	return out, rows.Err()
}

func (r reader) Sources(ctx context.Context, ids []string) ([]model.Source, error) {
	if len(ids) == 0 {
		return []model.Source{}, nil
	}
	rows, err := r.c.query(ctx, "SELECT "+sourceCols+" FROM sources WHERE id IN ("+placeholders(len(ids))+")", anys(ids)...)
	if err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	return scanSources(rows)
}

func (r reader) RecentSources(ctx context.Context, limit int) ([]model.Source, error) {
	rows, err := r.c.query(ctx, fmt.Sprintf("SELECT "+sourceCols+" FROM sources ORDER BY seq DESC, id LIMIT %d", max(limit, 1)))
	if err != nil {
		return nil, fmt.Errorf("recent sources: %w", err)
	}
	return scanSources(rows)
}

func (r reader) MergedInto(ctx context.Context, id string) ([]store.Merge, error) {
	rows, err := r.c.query(ctx, `SELECT m.from_id, m.into_id, m.reason, m.score, m.recorded_at FROM merges m
		JOIN entities e ON e.id = m.from_id WHERE e.merged_into = ? ORDER BY m.recorded_at, m.from_id`, id)
	if err != nil {
		return nil, fmt.Errorf("merges: %w", err)
	}
	defer rows.Close()
	out := []store.Merge{}
	for rows.Next() {
		var m store.Merge
		var at string
		if err := rows.Scan(&m.From, &m.Into, &m.Reason, &m.Score, &at); err != nil {
			return nil, err
		}
		m.RecordedAt = parseTime(at)
		out = append(out, m)
	}
	return out, rows.Err()
}

func (r reader) TokenScope(ctx context.Context, hash string) (string, error) {
	var scope string
	err := r.c.row(ctx, "SELECT scope FROM tokens WHERE hash = ?", hash).Scan(&scope)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("token: %w", store.ErrNotFound)
	}
	return scope, err
}

func (r reader) Seq(ctx context.Context) (int64, error) {
	var seq int64
	err := r.c.row(ctx, "SELECT value FROM counters WHERE name = 'seq'").Scan(&seq)
	return seq, err
}

func (r reader) Stats(ctx context.Context) (store.Stats, error) {
	st := store.Stats{ByType: map[string]int{}, ByKind: map[string]int{}}
	err := r.c.row(ctx, `SELECT
		(SELECT COUNT(*) FROM entities WHERE merged_into IS NULL),
		(SELECT COUNT(*) FROM entities WHERE merged_into IS NOT NULL),
		(SELECT COUNT(*) FROM statements WHERE retracted_at IS NULL),
		(SELECT COUNT(*) FROM statements WHERE retracted_at IS NOT NULL),
		(SELECT COUNT(*) FROM sources)`).Scan(&st.Entities, &st.Merged, &st.Statements, &st.Retracted, &st.Sources)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	for _, q := range []struct {
		sql string
		m   map[string]int
	}{
		{"SELECT type, COUNT(*) FROM entities WHERE merged_into IS NULL GROUP BY type", st.ByType},
		{"SELECT kind, COUNT(*) FROM statements WHERE retracted_at IS NULL GROUP BY kind", st.ByKind},
	} {
		rows, err := r.c.query(ctx, q.sql)
		if err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return st, err
			}
			q.m[k] = n
		}
		rows.Close()
	}
	return st, nil
}

func hasAlias(as []model.Alias, a model.Alias) bool {
	for _, x := range as {
		if x.Value == a.Value && x.Lang == a.Lang {
			return true
		}
	}
	return false
}
