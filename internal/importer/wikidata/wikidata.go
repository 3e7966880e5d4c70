// Package wikidata imports entities from a file in the format of Wikidata's JSON dumps: one JSON
// array with one entity a line (.json, .json.gz or .bz2), usually a subset someone extracted.
// Entities whose "instance of" (P31) maps to an entity type of the ontology are kept with their
// labels and aliases in English and Chinese, their identifiers, and the claims that map to
// relations and events; other entities and unknown properties are ignored. The import runs in one
// transaction; importing the same file again changes nothing.
package wikidata

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"

	"github.com/hkin/hkin/internal/importer"
	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/resolve"
	"github.com/hkin/hkin/internal/store"
)

// Options tune an import.
type Options struct {
	// Version names the dump in its source (default: from the file name, else a hash of the file).
	Version  string
	Progress func(done, total int64)
	Logger   *slog.Logger
}

// Counts says what an import did.
type Counts struct {
	Lines      int `json:"lines"`
	Items      int `json:"items"`   // entities of a type the ontology has
	Ignored    int `json:"ignored"` // entities of no mapped type (instance of nothing we know)
	Created    int `json:"created"` // new entities
	Matched    int `json:"matched"` // items that resolved to an entity already stored by name
	Statements int `json:"statements"`
	// Skipped counts claims whose target is not in the file or the store, or that the
	// ontology does not allow between the two types.
	Skipped int `json:"skipped_claims"`
	Dropped int `json:"dropped_identifiers"`
}

// kind is an entity type with its category.
type kind struct{ typ, category string }

// types maps the classes of "instance of" (P31) onto the ontology. An item takes the first of
// its classes found here.
var types = map[string]kind{
	"Q5":        {model.Person, ""},                         // human
	"Q3918":     {model.Organization, "university"},         // university
	"Q875538":   {model.Organization, "university"},         // public university
	"Q902104":   {model.Organization, "university"},         // private university
	"Q31855":    {model.Organization, "research_institute"}, // research institute
	"Q1664720":  {model.Organization, "research_institute"}, // institute
	"Q783794":   {model.Organization, "company"},            // company
	"Q4830453":  {model.Organization, "company"},            // business
	"Q891723":   {model.Organization, "company"},            // public company
	"Q6881511":  {model.Organization, "company"},            // enterprise
	"Q167037":   {model.Organization, "company"},            // corporation
	"Q1058914":  {model.Organization, "company"},            // software company
	"Q327333":   {model.Organization, "government"},         // government agency
	"Q2659904":  {model.Organization, "government"},         // government organization
	"Q192350":   {model.Organization, "government"},         // ministry
	"Q163740":   {model.Organization, "association"},        // nonprofit organization
	"Q48204":    {model.Organization, "association"},        // voluntary association
	"Q15911314": {model.Organization, "association"},        // association
	"Q43229":    {model.Organization, ""},                   // organization
	"Q6256":     {model.Place, "country"},                   // country
	"Q3624078":  {model.Place, "country"},                   // sovereign state
	"Q1335818":  {model.Place, "region"},                    // special administrative region
	"Q515":      {model.Place, "city"},                      // city
	"Q1549591":  {model.Place, "city"},                      // big city
	"Q1637706":  {model.Place, "city"},                      // city with millions of inhabitants
	"Q5119":     {model.Place, "city"},                      // capital
	"Q149621":   {model.Place, "district"},                  // district
	"Q13226383": {model.Facility, ""},                       // facility
	"Q2424752":  {model.Product, ""},                        // product
	"Q7397":     {model.Product, ""},                        // software
	"Q11862829": {model.Sector, ""},                         // academic discipline
	"Q8148":     {model.Sector, ""},                         // industry
}

// languages are the label and alias languages kept, with the tag hkin stores.
var languages = map[string]string{"en": "en", "zh": "zh", "zh-hant": "zh-Hant", "zh-hans": "zh-Hans", "zh-hk": "zh-HK"}

// nameOrder is the preference for the canonical name.
var nameOrder = []string{"en", "zh-hk", "zh-hant", "zh", "zh-hans"}

// identifierProps map external-identifier properties to hkin's schemes.
var identifierProps = map[string]string{"P6782": "ror", "P856": "website", "P2427": "grid", "P213": "isni", "P1278": "lei", "P3153": "crossref"}

// relation is a claim between two items, stored once both are known.
type relation struct {
	subject, prop, object string // Q-ids
	line                  int
}

// entity is one line of the dump, as far as it is read.
type entity struct {
	ID      string                              `json:"id"`
	Type    string                              `json:"type"`
	Labels  map[string]struct{ Value string }   `json:"labels"`
	Aliases map[string][]struct{ Value string } `json:"aliases"`
	Claims  map[string][]claim                  `json:"claims"`
}

type claim struct {
	Rank     string `json:"rank"`
	Mainsnak struct {
		Snaktype  string `json:"snaktype"`
		Datavalue struct {
			Type  string          `json:"type"`
			Value json.RawMessage `json:"value"`
		} `json:"datavalue"`
	} `json:"mainsnak"`
}

// Source returns the source a dump's statements are stored under.
func Source(version, date string) model.Source {
	s := model.Source{Kind: model.SourceDataset, Title: "Wikidata JSON dump", URL: "https://www.wikidata.org",
		Version: version, Published: date}
	s.ID = model.SourceID(s)
	return s
}

// Import reads a Wikidata JSON dump at path and stores its items in one transaction.
func Import(ctx context.Context, st store.Store, path string, opt Options) (Counts, error) {
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	version, date := opt.Version, ""
	if version == "" {
		var err error
		if version, date, err = importer.Version(path, ""); err != nil {
			return Counts{}, err
		}
	}
	src := Source(version, date)
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
		if err := w.PutSource(ctx, src); err != nil {
			return err
		}
		im := &run{ctx: ctx, tx: tx, src: src, byQ: map[string]string{}, typeOf: map[string]string{}}
		if err := im.read(f, opt.Progress); err != nil {
			return err
		}
		if err := im.relations(); err != nil {
			return err
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
	ctx    context.Context
	tx     *importer.Tx
	src    model.Source
	byQ    map[string]string // Q-id → entity ID
	typeOf map[string]string // entity ID → type
	rels   []relation
	events []model.Statement
	c      Counts
}

// read goes through the dump a line at a time.
func (im *run) read(f *importer.File, progress func(done, total int64)) error {
	br := bufio.NewReaderSize(f, 1<<20)
	started, ended := false, false
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return &importer.Error{Unit: "line", N: n, Err: err}
		}
		eof := errors.Is(err, io.EOF)
		t := bytes.TrimSpace(line)
		switch {
		case len(t) == 0:
		case !started && bytes.Equal(t, []byte("[")):
			started = true
		case !started:
			return &importer.Error{Unit: "line", N: n, Err: errors.New("not a Wikidata JSON dump: want a line with [ first")}
		case bytes.Equal(t, []byte("]")):
			ended = true
		case ended:
			return &importer.Error{Unit: "line", N: n, Err: errors.New("text after the closing ]")}
		default:
			im.c.Lines++
			if err := im.entity(n, bytes.TrimSuffix(t, []byte(","))); err != nil {
				return err
			}
		}
		if progress != nil && n%512 == 0 {
			progress(f.Done(), f.Size)
		}
		if eof {
			break
		}
	}
	if !ended {
		return errors.New("the file ends early (truncated): no closing ]")
	}
	if progress != nil {
		progress(f.Size, f.Size)
	}
	return nil
}

func (im *run) entity(n int, line []byte) error {
	var it entity
	if err := json.Unmarshal(line, &it); err != nil {
		le := &importer.Error{Unit: "line", N: n, Err: err}
		var te *json.UnmarshalTypeError
		var se *json.SyntaxError
		switch {
		case errors.As(err, &te):
			le.ID, le.Field, le.Err = it.ID, te.Field, fmt.Errorf("want %s, got a JSON %s", te.Type, te.Value)
		case errors.As(err, &se), errors.Is(err, io.ErrUnexpectedEOF):
			le.Err = fmt.Errorf("malformed JSON (a truncated line?): %v", err)
		}
		return le
	}
	if !strings.HasPrefix(it.ID, "Q") && !strings.HasPrefix(it.ID, "P") && !strings.HasPrefix(it.ID, "L") {
		return &importer.Error{Unit: "line", N: n, ID: it.ID, Field: "id", Err: errors.New("want an entity ID such as Q42")}
	}
	if it.Type != "item" {
		im.c.Ignored++
		return nil
	}
	k, ok := kindOf(it)
	if !ok {
		im.c.Ignored++
		return nil
	}
	e := model.Entity{Type: k.typ, Category: k.category, Identifiers: map[string]string{"wikidata": it.ID}}
	for _, lang := range nameOrder {
		if l, ok := it.Labels[lang]; ok && strings.TrimSpace(l.Value) != "" {
			e.Name = strings.TrimSpace(l.Value)
			break
		}
	}
	if e.Name == "" {
		im.c.Ignored++ // no name in a language we keep
		return nil
	}
	im.c.Items++
	seen := map[model.Alias]bool{{Value: e.Name}: true}
	addAlias := func(value, lang, kind string) {
		value = strings.TrimSpace(value)
		a := model.Alias{Value: value, Lang: lang}
		if value == "" || seen[a] || value == e.Name {
			return
		}
		seen[a] = true
		a.Kind = kind
		e.Aliases = append(e.Aliases, a)
	}
	for _, code := range sortedKeys(languages) {
		if l, ok := it.Labels[code]; ok {
			addAlias(l.Value, languages[code], "label")
		}
		for _, a := range it.Aliases[code] {
			kind := "alias"
			if resolve.LooksLikeAcronym(a.Value) {
				kind = "acronym"
			}
			addAlias(a.Value, languages[code], kind)
		}
	}
	for _, prop := range sortedKeys(it.Claims) {
		for _, cl := range it.Claims[prop] {
			if cl.Rank == "deprecated" || cl.Mainsnak.Snaktype != "value" {
				continue
			}
			dv := cl.Mainsnak.Datavalue
			field := "claims." + prop
			switch prop {
			case "P1448", "P1813": // official name, short name
				var v struct{ Text, Language string }
				if err := json.Unmarshal(dv.Value, &v); err != nil {
					return &importer.Error{Unit: "line", N: n, ID: it.ID, Field: field, Err: errors.New("want a monolingual text")}
				}
				if lang, ok := languages[strings.ToLower(v.Language)]; ok {
					kind := "label"
					if prop == "P1813" {
						kind = "acronym"
					}
					addAlias(v.Text, lang, kind)
				}
			case "P571", "P576": // inception, dissolved
				date, err := timeValue(dv.Value)
				if err != nil {
					return &importer.Error{Unit: "line", N: n, ID: it.ID, Field: field, Err: err}
				}
				if date == "" {
					continue
				}
				event := "founded"
				if prop == "P576" {
					event = "closed"
				}
				im.events = append(im.events, model.Statement{Kind: model.KindEvent, Subject: it.ID, Predicate: event,
					Qualifiers: model.Qualifiers{Date: date}, Evidence: fmt.Sprintf("Wikidata %s %s", it.ID, prop)})
			case "P17", "P131", "P159", "P112", "P169", "P749", "P355", "P361":
				var v struct {
					ID string `json:"id"`
				}
				if err := json.Unmarshal(dv.Value, &v); err != nil || !strings.HasPrefix(v.ID, "Q") {
					return &importer.Error{Unit: "line", N: n, ID: it.ID, Field: field, Err: errors.New("want an item (wikibase-entityid)")}
				}
				im.rels = append(im.rels, relation{subject: it.ID, prop: prop, object: v.ID, line: n})
			default:
				scheme, ok := identifierProps[prop]
				if !ok {
					continue // a property the ontology has no place for
				}
				var v string
				if err := json.Unmarshal(dv.Value, &v); err != nil {
					return &importer.Error{Unit: "line", N: n, ID: it.ID, Field: field, Err: errors.New("want a string")}
				}
				if scheme == "website" {
					v = resolve.Website(v)
				}
				if _, dup := e.Identifiers[scheme]; !dup && strings.TrimSpace(v) != "" {
					e.Identifiers[scheme] = strings.TrimSpace(v)
				}
			}
		}
	}
	res, err := im.tx.Put(im.ctx, e)
	if err != nil {
		return &importer.Error{Unit: "line", N: n, ID: it.ID, Err: err}
	}
	switch {
	case res.Created:
		im.c.Created++
	case len(res.Matched.Features) > 0 && !strings.HasPrefix(res.Matched.Features[0], "identifier "):
		im.c.Matched++
	}
	im.c.Dropped += len(res.Dropped)
	im.byQ[it.ID] = res.ID
	im.typeOf[res.ID] = e.Type
	return nil
}

// kindOf is the type an item takes from its first mapped "instance of" class.
func kindOf(it entity) (kind, bool) {
	for _, cl := range it.Claims["P31"] {
		if cl.Rank == "deprecated" || cl.Mainsnak.Snaktype != "value" {
			continue
		}
		var v struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(cl.Mainsnak.Datavalue.Value, &v) == nil {
			if k, ok := types[v.ID]; ok {
				return k, true
			}
		}
	}
	return kind{}, false
}

// timeValue reads a Wikidata time ("+2001-05-00T00:00:00Z" at precision 9, 10 or 11) as an ISO
// date at that precision; a coarser precision (decade, century) gives "".
func timeValue(raw json.RawMessage) (string, error) {
	var v struct {
		Time      string `json:"time"`
		Precision int    `json:"precision"`
	}
	if err := json.Unmarshal(raw, &v); err != nil || len(v.Time) < 11 {
		return "", errors.New("want a time value")
	}
	t := strings.TrimPrefix(v.Time, "+")
	if strings.HasPrefix(t, "-") {
		return "", nil // before the common era
	}
	if len(t) < 10 {
		return "", fmt.Errorf("time %q: want +YYYY-MM-DDT...", v.Time)
	}
	var date string
	switch v.Precision {
	case 9:
		date = t[:4]
	case 10:
		date = t[:7]
	case 11:
		date = t[:10]
	default:
		return "", nil
	}
	if !model.ValidDate(date) {
		return "", fmt.Errorf("time %q at precision %d is not a date", v.Time, v.Precision)
	}
	return date, nil
}

// statement maps a claim between two items of known types onto the ontology.
func statement(prop, s, st, o, ot string) (model.Statement, bool) {
	rel := func(subject, predicate, object string) model.Statement {
		return model.Statement{Kind: model.KindRelation, Subject: subject, Predicate: predicate, Object: object}
	}
	switch prop {
	case "P17", "P131", "P159": // country, located in, headquarters
		if ot != model.Place {
			return model.Statement{}, false
		}
		if st == model.Place {
			return rel(s, "part_of", o), true
		}
		return rel(s, "located_in", o), true
	case "P112": // founded by: the founder founded the item
		return rel(o, "founded", s), true
	case "P169": // chief executive officer
		r := rel(o, "holds_position", s)
		r.Role = "CEO"
		return r, true
	case "P749", "P361": // parent organization, part of
		return rel(s, "part_of", o), true
	case "P355": // subsidiary
		return rel(o, "part_of", s), true
	}
	return model.Statement{}, false
}

// relations stores the claims between items once every item of the file has its entity.
func (im *run) relations() error {
	ctx := im.ctx
	idOf := func(q string) (string, string, error) {
		if id, ok := im.byQ[q]; ok {
			return id, im.typeOf[id], nil
		}
		id, err := im.tx.EntityByIdentifier(ctx, "wikidata", q)
		if errors.Is(err, store.ErrNotFound) {
			return "", "", nil
		}
		if err != nil {
			return "", "", err
		}
		e, err := store.Resolve(ctx, im.tx, id)
		if err != nil {
			return "", "", err
		}
		im.byQ[q], im.typeOf[e.ID] = e.ID, e.Type
		return e.ID, e.Type, nil
	}
	typeOf := func(id string) (string, bool) { t, ok := im.typeOf[id]; return t, ok }
	var sts []model.Statement
	for _, ev := range im.events {
		id, _, err := idOf(ev.Subject)
		if err != nil {
			return err
		}
		ev.Subject, ev.SourceID = id, im.src.ID
		sts = append(sts, ev)
	}
	for _, r := range im.rels {
		s, st, err := idOf(r.subject)
		if err != nil {
			return err
		}
		o, ot, err := idOf(r.object)
		if err != nil {
			return err
		}
		if s == "" || o == "" || s == o {
			im.c.Skipped++
			continue
		}
		x, ok := statement(r.prop, s, st, o, ot)
		if !ok {
			im.c.Skipped++
			continue
		}
		x.SourceID = im.src.ID
		x.Evidence = fmt.Sprintf("Wikidata %s %s %s", r.subject, r.prop, r.object)
		if model.ValidateStatement(x, typeOf) != nil {
			im.c.Skipped++ // e.g. a CEO who is an organisation
			continue
		}
		sts = append(sts, x)
	}
	n, err := im.tx.AddStatements(ctx, sts)
	im.c.Statements = n
	return err
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
