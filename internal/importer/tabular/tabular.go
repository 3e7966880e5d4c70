// Package tabular imports entity lists from CSV files (a park's tenant list, a register of
// startups) through a mapping from the ontology's fields to the file's columns. Each row becomes
// one entity, resolved to a stored one when it names it, with its relations, identifiers and
// events; the import runs in one transaction and names the line of any bad row.
package tabular

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hkin/hkin/internal/importer"
	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/resolve"
	"github.com/hkin/hkin/internal/store"
)

// Mapping says where each field of an entity comes from. Fields:
//
//	name                 the entity's name (required)
//	type, category       the entity's type (required) and category
//	alias, alias:LANG    other names (alias:zh-Hant=中文名)
//	id:SCHEME            an identifier (id:ror=ROR, id:wikidata=QID)
//	website              the website, kept as the identifier "website"
//	founded, opened, ... an event of that kind, dated by the column (ISO date)
//	description, status  a text attribute
//	PREDICATE            a relation to the entity the column names (located_in=District,
//	                     focuses_on=Sector, part_of=Parent), found by name or created
//
// A source is a column of the header, or a literal value in single quotes ('Hong Kong');
// type and category also take a bare literal of the ontology (type=organization). A cell may hold
// several values separated by ";" (aliases, relations).
type Mapping []Field

// Field is one part of a mapping.
type Field struct {
	Name    string // name, type, alias:zh, located_in, ...
	Column  string // the column to read, or
	Literal string // a value for every row
}

// ParseMapping reads "name=Company,type=organization,located_in=District" (parts may also come
// in several strings, as from repeated --map flags).
func ParseMapping(specs ...string) (Mapping, error) {
	var m Mapping
	for _, spec := range specs {
		for _, part := range splitParts(spec) {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			name, src, ok := strings.Cut(part, "=")
			name, src = strings.TrimSpace(name), strings.TrimSpace(src)
			if !ok || name == "" || src == "" {
				return nil, fmt.Errorf("--map %q: want field=Column or field='literal'", part)
			}
			f := Field{Name: name}
			if len(src) >= 2 && src[0] == '\'' && src[len(src)-1] == '\'' {
				f.Literal = src[1 : len(src)-1]
			} else {
				f.Column = src
			}
			if err := checkField(f.Name); err != nil {
				return nil, fmt.Errorf("--map %q: %w", part, err)
			}
			m = append(m, f)
		}
	}
	have := map[string]bool{}
	for _, f := range m {
		have[f.Name] = true
	}
	if !have["name"] || !have["type"] {
		return nil, errors.New("--map needs at least name=COLUMN and type=TYPE (or type=COLUMN)")
	}
	return m, nil
}

// splitParts splits at commas outside single quotes.
func splitParts(s string) []string {
	var out []string
	quoted, start := false, 0
	for i, r := range s {
		switch {
		case r == '\'':
			quoted = !quoted
		case r == ',' && !quoted:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func checkField(name string) error {
	base, arg, _ := strings.Cut(name, ":")
	switch {
	case base == "name" || base == "type" || base == "category" || base == "website" || base == "description" || base == "status" || base == "note":
		if arg != "" {
			return fmt.Errorf("field %s takes no :%s", base, arg)
		}
	case base == "alias":
	case base == "id":
		if arg == "" || strings.ContainsAny(arg, " ") {
			return errors.New("want id:SCHEME (id:ror, id:wikidata)")
		}
	case model.IsEventKind(base):
	default:
		if _, ok := model.LookupPredicate(base); !ok {
			return fmt.Errorf("unknown field %q (want name, type, category, alias, id:SCHEME, website, an event kind, description, or a relation predicate such as located_in)", name)
		}
	}
	return nil
}

// Options tune an import.
type Options struct {
	Title    string // the source's title (default: the file's name)
	URL      string // where the list comes from
	Version  string // default: a hash of the file
	Progress func(done, total int64)
	Logger   *slog.Logger
}

// Counts says what an import did.
type Counts struct {
	Rows       int `json:"rows"`
	Created    int `json:"created"` // new entities, rows and the places, sectors... they name
	Matched    int `json:"matched"` // rows that resolved to a stored entity
	Statements int `json:"statements"`
	Dropped    int `json:"dropped_identifiers"`
}

// Import reads a CSV file with a header line and stores a row per entity, in one transaction.
func Import(ctx context.Context, st store.Store, path string, m Mapping, opt Options) (Counts, error) {
	version := opt.Version
	if version == "" {
		var err error
		if version, _, err = importer.Version(path, ""); err != nil {
			return Counts{}, err
		}
	}
	title := opt.Title
	if title == "" {
		title = filepath.Base(path)
	}
	src := model.Source{Kind: model.SourceDataset, Title: title, URL: opt.URL, Version: version}
	src.ID = model.SourceID(src)
	var c Counts
	err := st.Update(ctx, func(w store.Writer) error {
		f, err := importer.Open(path, nil)
		if err != nil {
			return err
		}
		defer f.Close()
		tx, err := importer.Begin(ctx, w, 0)
		if err != nil {
			return err
		}
		tx.IndexNew = true
		if err := w.PutSource(ctx, src); err != nil {
			return err
		}
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		header, err := r.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return errors.New("the file is empty: want a header line")
			}
			return &importer.Error{Unit: "line", N: 1, Err: err}
		}
		cols := map[string]int{}
		for i, h := range header {
			cols[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
		}
		m = append(Mapping(nil), m...)
		for i, fl := range m {
			if fl.Column != "" {
				if _, ok := cols[fl.Column]; !ok && ontologyValue(fl.Name, fl.Column) {
					m[i] = Field{Name: fl.Name, Literal: fl.Column} // type=organization
					continue
				}
				if _, ok := cols[fl.Column]; !ok {
					return fmt.Errorf("--map %s=%s: no column %q in the header (columns: %s)", fl.Name, fl.Column, fl.Column, strings.Join(header, ", "))
				}
			}
		}
		im := &run{ctx: ctx, tx: tx, src: src, m: m, cols: cols, objects: map[string]string{}}
		for {
			row, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					return &importer.Error{Unit: "line", N: pe.StartLine, Err: pe.Err}
				}
				return err
			}
			line, _ := r.FieldPos(0)
			if err := im.row(line, row); err != nil {
				return err
			}
			if opt.Progress != nil && im.c.Rows%256 == 0 {
				opt.Progress(f.Done(), f.Size)
			}
		}
		if opt.Progress != nil {
			opt.Progress(f.Size, f.Size)
		}
		c = im.c
		return nil
	})
	if err != nil {
		return Counts{}, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

type run struct {
	ctx     context.Context
	tx      *importer.Tx
	src     model.Source
	m       Mapping
	cols    map[string]int
	objects map[string]string // type NUL name → entity ID, of the entities rows name
	c       Counts
}

// values returns a field's values in a row: the literal, or the cell split at ";".
func (im *run) values(f Field, row []string) []string {
	if f.Column == "" {
		return []string{f.Literal}
	}
	i := im.cols[f.Column]
	if i >= len(row) {
		return nil
	}
	var out []string
	for _, v := range strings.Split(row[i], ";") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func (im *run) row(line int, row []string) error {
	im.c.Rows++
	e := model.Entity{Identifiers: map[string]string{}}
	var sts []model.Statement
	first := func(f Field) string {
		if vs := im.values(f, row); len(vs) > 0 {
			if f.Column == "" {
				return vs[0]
			}
			return strings.TrimSpace(row[im.cols[f.Column]])
		}
		return ""
	}
	evidence := fmt.Sprintf("%s, line %d", im.src.Title, line)
	for _, f := range im.m {
		base, arg, _ := strings.Cut(f.Name, ":")
		switch base {
		case "name":
			e.Name = first(f)
		case "type":
			e.Type = strings.ToLower(first(f))
		case "category":
			e.Category = strings.ToLower(first(f))
		case "alias":
			for _, v := range im.values(f, row) {
				e.Aliases = append(e.Aliases, model.Alias{Value: v, Lang: arg})
			}
		case "id":
			if v := first(f); v != "" {
				e.Identifiers[arg] = v
			}
		case "website":
			if v := first(f); v != "" {
				e.Identifiers["website"] = resolve.Website(v)
			}
		}
	}
	if e.Name == "" {
		return &importer.Error{Unit: "line", N: line, Field: "name", Err: errors.New("is empty")}
	}
	if !model.IsEntityType(e.Type) {
		return &importer.Error{Unit: "line", N: line, Field: "type", Err: fmt.Errorf("%q is not an entity type (want one of %s)", e.Type, strings.Join(model.EntityTypes, ", "))}
	}
	res, err := im.tx.Put(im.ctx, e)
	if err != nil {
		var fe *model.FieldError
		if errors.As(err, &fe) {
			return &importer.Error{Unit: "line", N: line, Field: fe.Field, Err: errors.New(fe.Msg + " (" + fe.Value + ")")}
		}
		return &importer.Error{Unit: "line", N: line, Err: err}
	}
	switch {
	case res.Created:
		im.c.Created++
	default:
		im.c.Matched++
	}
	im.c.Dropped += len(res.Dropped)
	id := res.ID
	types := map[string]string{id: e.Type}
	for _, f := range im.m {
		base := f.Name
		switch {
		case model.IsEventKind(base):
			date := first(f)
			if date == "" {
				continue
			}
			if !model.ValidDate(date) {
				return &importer.Error{Unit: "line", N: line, Field: base, Err: fmt.Errorf("%q is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)", date)}
			}
			sts = append(sts, model.Statement{Kind: model.KindEvent, Subject: id, Predicate: base, Qualifiers: model.Qualifiers{Date: date}})
		case base == "description" || base == "status" || base == "note":
			if v := first(f); v != "" {
				sts = append(sts, model.Statement{Kind: model.KindAttribute, Subject: id, Predicate: base, Value: model.TextValue(v)})
			}
		default:
			p, ok := model.LookupPredicate(base)
			if !ok {
				continue
			}
			for _, name := range im.values(f, row) {
				oid, otype, err := im.object(p, name)
				if err != nil {
					return &importer.Error{Unit: "line", N: line, Field: base, Err: err}
				}
				types[oid] = otype
				sts = append(sts, model.Statement{Kind: model.KindRelation, Subject: id, Predicate: base, Object: oid})
			}
		}
	}
	typeOf := func(x string) (string, bool) { t, ok := types[x]; return t, ok }
	for i := range sts {
		sts[i].SourceID, sts[i].Evidence = im.src.ID, evidence
		if err := model.ValidateStatement(sts[i], typeOf); err != nil {
			return &importer.Error{Unit: "line", N: line, Field: sts[i].Predicate, Err: err}
		}
	}
	n, err := im.tx.AddStatements(im.ctx, sts)
	if err != nil {
		return &importer.Error{Unit: "line", N: line, Err: err}
	}
	im.c.Statements += n
	return nil
}

// object finds or creates the entity a relation's cell names, of the predicate's first object
// type (a place for located_in, a sector for focuses_on).
func (im *run) object(p model.Predicate, name string) (string, string, error) {
	typ := p.Objects[0]
	key := typ + "\x00" + model.NormName(name)
	if id, ok := im.objects[key]; ok {
		return id, typ, nil
	}
	ids, err := im.tx.EntitiesByName(im.ctx, model.NormName(resolve.Simplified(name)))
	if err != nil {
		return "", "", err
	}
	more, err := im.tx.EntitiesByName(im.ctx, model.NormName(name))
	if err != nil {
		return "", "", err
	}
	ids = append(ids, more...)
	sort.Strings(ids)
	for _, id := range ids {
		e, err := im.tx.Entity(im.ctx, id)
		if err == nil && e.MergedInto == "" {
			for _, t := range p.Objects {
				if e.Type == t {
					im.objects[key] = e.ID
					return e.ID, e.Type, nil
				}
			}
		}
	}
	res, err := im.tx.Put(im.ctx, model.Entity{Type: typ, Name: name})
	if err != nil {
		return "", "", err
	}
	if res.Created {
		im.c.Created++
	}
	im.objects[key] = res.ID
	return res.ID, typ, nil
}

// ontologyValue reports whether v is a type (for field type) or a category (for category).
func ontologyValue(field, v string) bool {
	v = strings.ToLower(v)
	switch field {
	case "type":
		return model.IsEntityType(v)
	case "category":
		for _, list := range [][]string{model.OrganizationCategories, model.PlaceCategories} {
			for _, c := range list {
				if c == v {
					return true
				}
			}
		}
	}
	return false
}
