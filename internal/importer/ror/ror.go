// Package ror imports the Research Organization Registry's data dump (schema v2): one JSON
// array of organisation records, plain, gzipped or in the official zip. Each record becomes an
// organization with its names (language and kind), identifiers (ror, wikidata, grid, isni,
// fundref, website), category, location (city part_of country), founding year, status and
// relationships, all sourced to the dump's version. The import runs in one transaction and
// reads the file as a stream; importing the same dump again changes nothing.
package ror

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strconv"
	"strings"

	"github.com/hkin/hkin/internal/importer"
	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/resolve"
	"github.com/hkin/hkin/internal/store"
)

// Options tune an import.
type Options struct {
	// Version names the dump's version in its source; by default it comes from the file name
	// (v1.55-2024-10-31) or, failing that, from a hash of the file.
	Version string
	// Threshold is the resolution score from which a record is taken to be an entity already
	// stored (default resolve.Threshold).
	Threshold float64
	// Progress, if not nil, is told how far through the file the import is.
	Progress func(done, total int64)
	Logger   *slog.Logger
}

// Counts says what an import did.
type Counts struct {
	Records       int `json:"records"`
	Organizations int `json:"organizations"` // new organisation entities
	Matched       int `json:"matched"`       // records that resolved to an entity already stored
	Places        int `json:"places"`        // new place entities
	Statements    int `json:"statements"`    // new statements
	Inactive      int `json:"inactive"`      // records marked inactive or withdrawn
	// Dropped counts identifiers already held by another entity (two records sharing a website).
	Dropped int `json:"dropped_identifiers"`
	// Unlinked counts relationships to records neither in the file nor in the store.
	Unlinked int `json:"unlinked_relationships"`
}

// Source returns the source statements of a dump version are stored under.
func Source(version, date string) model.Source {
	s := model.Source{Kind: model.SourceDataset, Title: "Research Organization Registry (ROR) data dump",
		URL: "https://ror.org", Version: version, Published: date}
	s.ID = model.SourceID(s)
	return s
}

// record is one ROR v2 record, with the v1 field that tells the old schema apart.
type record struct {
	ID     string   `json:"id"`
	Status string   `json:"status"`
	Types  []string `json:"types"`
	Names  []struct {
		Value string   `json:"value"`
		Lang  *string  `json:"lang"`
		Types []string `json:"types"`
	} `json:"names"`
	Established *int `json:"established"`
	ExternalIDs []struct {
		Type      string   `json:"type"`
		All       []string `json:"all"`
		Preferred *string  `json:"preferred"`
	} `json:"external_ids"`
	Links []struct {
		Type  string `json:"type"`
		Value string `json:"value"`
	} `json:"links"`
	Locations []struct {
		GeonamesID int64 `json:"geonames_id"`
		Details    struct {
			Name        string `json:"name"`
			CountryCode string `json:"country_code"`
			CountryName string `json:"country_name"`
		} `json:"geonames_details"`
	} `json:"locations"`
	Relationships []struct {
		Type  string `json:"type"`
		ID    string `json:"id"`
		Label string `json:"label"`
	} `json:"relationships"`
	// V1Name is set only by schema v1 records, whose names are "name", "labels", "aliases".
	V1Name *string `json:"name"`
}

// ErrSchemaV1 is returned for a record of ROR's old schema.
var ErrSchemaV1 = errors.New("a ROR schema v1 record; hkin reads schema v2 (take the file of the dump whose name ends in _schema_v2.json, or a dump from v2.0 on)")

// pickMember chooses the v2 JSON file of an official ROR zip.
func pickMember(names []string) (string, error) {
	var json []string
	for _, n := range names {
		if strings.HasSuffix(strings.ToLower(n), ".json") {
			json = append(json, n)
		}
	}
	for _, n := range json {
		if strings.Contains(n, "schema_v2") {
			return n, nil
		}
	}
	for _, n := range json {
		if !strings.Contains(n, "schema_v1") {
			return n, nil
		}
	}
	return "", fmt.Errorf("no ROR v2 JSON file in the zip (it holds %s)", strings.Join(names, ", "))
}

// Import reads a ROR v2 dump at path and stores it in one transaction: a bad record stores
// nothing, and the error names it.
func Import(ctx context.Context, st store.Store, path string, opt Options) (Counts, error) {
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	probe, err := importer.Open(path, pickMember)
	if err != nil {
		return Counts{}, err
	}
	member := probe.Name
	probe.Close()
	version, date := opt.Version, ""
	if version == "" {
		if version, date, err = importer.Version(path, member); err != nil {
			return Counts{}, err
		}
	}
	src := Source(version, date)
	var c Counts
	err = st.Update(ctx, func(w store.Writer) error {
		f, err := importer.Open(path, pickMember)
		if err != nil {
			return err
		}
		defer f.Close()
		tx, err := importer.Begin(ctx, w, opt.Threshold)
		if err != nil {
			return err
		}
		im := &run{ctx: ctx, w: tx, src: src, log: opt.Logger, byROR: map[string]string{}, places: map[string]string{}}
		if err := w.PutSource(ctx, src); err != nil {
			return err
		}
		err = decode(f, func(i int, rec *record) error {
			if err := im.record(i, rec); err != nil {
				return err
			}
			if opt.Progress != nil && i%256 == 0 {
				opt.Progress(f.Done(), f.Size)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if err := im.relationships(); err != nil {
			return err
		}
		if err := im.flush(); err != nil {
			return err
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

// decode streams the records of a JSON array to fn, one at a time.
func decode(r io.Reader, fn func(i int, rec *record) error) error {
	dec := json.NewDecoder(r)
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("not a ROR dump: %w", eofIsTruncation(err))
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return fmt.Errorf("not a ROR dump: want a JSON array of records, got %v", tok)
	}
	for i := 1; dec.More(); i++ {
		var rec record
		if err := dec.Decode(&rec); err != nil {
			re := &importer.Error{Unit: "record", N: i, ID: rec.ID, Err: eofIsTruncation(err)}
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) {
				if rec.V1Name != nil && rec.Names == nil {
					re.Err = ErrSchemaV1
				} else {
					re.Field = te.Field
					re.Err = fmt.Errorf("want %s, got a JSON %s", te.Type, te.Value)
				}
			}
			return re
		}
		if rec.V1Name != nil && rec.Names == nil {
			return &importer.Error{Unit: "record", N: i, ID: rec.ID, Err: ErrSchemaV1}
		}
		if err := fn(i, &rec); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return fmt.Errorf("after the last record: %w", eofIsTruncation(err))
	}
	return nil
}

func eofIsTruncation(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("the file ends early (truncated)")
	}
	return err
}

// run is the state of one import.
type run struct {
	ctx    context.Context
	w      *importer.Tx
	src    model.Source
	log    *slog.Logger
	byROR  map[string]string // ROR ID → entity ID, for the records of this file
	places map[string]string // "country:HK", "geonames:1819729" → entity ID
	batch  []model.Statement
	rels   []relation
	c      Counts
}

// relation is a relationship between two records, stored when both are known.
type relation struct {
	subject, predicate, object string // ROR IDs
	evidence                   string
}

// categoryOf maps ROR's organisation types onto the ontology's categories, the first that
// applies: education → university, government → government, company → company, facility (a
// research facility or centre) → research_institute, nonprofit → association. Healthcare,
// funder, archive and other have no category of their own.
func categoryOf(types []string) string {
	for _, t := range []string{"education", "government", "company", "facility", "nonprofit"} {
		for _, x := range types {
			if x == t {
				switch t {
				case "education":
					return "university"
				case "facility":
					return "research_institute"
				case "nonprofit":
					return "association"
				}
				return t
			}
		}
	}
	return ""
}

// shortID is the ROR ID without its URL prefix.
func shortID(id string) string { return strings.TrimPrefix(id, "https://ror.org/") }

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// entity turns a record into the organisation it describes.
func entity(i int, rec *record) (model.Entity, error) {
	rid := shortID(rec.ID)
	if rid == "" || rid == rec.ID {
		return model.Entity{}, &importer.Error{Unit: "record", N: i, ID: rec.ID, Field: "id", Err: errors.New("want https://ror.org/ID")}
	}
	e := model.Entity{Type: model.Organization, Category: categoryOf(rec.Types), Identifiers: map[string]string{"ror": rid}}
	for _, n := range rec.Names {
		if has(n.Types, "ror_display") && strings.TrimSpace(n.Value) != "" {
			e.Name = strings.TrimSpace(n.Value)
			break
		}
	}
	if e.Name == "" {
		return e, &importer.Error{Unit: "record", N: i, ID: rec.ID, Field: "names", Err: errors.New("no ror_display name")}
	}
	for _, n := range rec.Names {
		v := strings.TrimSpace(n.Value)
		if v == "" || v == e.Name {
			continue
		}
		kind := "label"
		switch {
		case has(n.Types, "acronym"):
			kind = "acronym"
		case has(n.Types, "alias"):
			kind = "alias"
		}
		lang := ""
		if n.Lang != nil {
			lang = *n.Lang
		}
		e.Aliases = append(e.Aliases, model.Alias{Value: v, Lang: lang, Kind: kind})
	}
	for _, x := range rec.ExternalIDs {
		v := ""
		if x.Preferred != nil {
			v = *x.Preferred
		}
		if v == "" && len(x.All) > 0 {
			v = x.All[0]
		}
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		switch x.Type {
		case "wikidata", "grid", "isni", "fundref":
			e.Identifiers[x.Type] = v
		}
	}
	for _, l := range rec.Links {
		if l.Type == "website" && strings.TrimSpace(l.Value) != "" {
			e.Identifiers["website"] = resolve.Website(l.Value)
			break
		}
	}
	return e, nil
}

// record stores one record: its organisation, places and own statements; relationships wait
// until every record is known.
func (im *run) record(i int, rec *record) error {
	ctx := im.ctx
	im.c.Records++
	e, err := entity(i, rec)
	if err != nil {
		return err
	}
	rid := e.Identifiers["ror"]
	res, err := im.w.Put(ctx, e)
	if err != nil {
		return &importer.Error{Unit: "record", N: i, ID: rec.ID, Err: err}
	}
	id := res.ID
	switch {
	case res.Created:
		im.c.Organizations++
	case len(res.Matched.Features) > 0 && !strings.HasPrefix(res.Matched.Features[0], "identifier "):
		im.c.Matched++
	}
	im.c.Dropped += len(res.Dropped)
	im.byROR[rid] = id
	evidence := "ROR record " + rec.ID
	for _, loc := range rec.Locations {
		place, err := im.location(loc.GeonamesID, loc.Details.Name, loc.Details.CountryCode, loc.Details.CountryName)
		if err != nil {
			return &importer.Error{Unit: "record", N: i, ID: rec.ID, Field: "locations", Err: err}
		}
		if place != "" {
			im.add(model.Statement{Kind: model.KindRelation, Subject: id, Predicate: "located_in", Object: place, Evidence: evidence})
		}
	}
	if rec.Established != nil && *rec.Established > 0 {
		date := fmt.Sprintf("%04d", *rec.Established)
		if !model.ValidDate(date) {
			return &importer.Error{Unit: "record", N: i, ID: rec.ID, Field: "established", Err: fmt.Errorf("%d is not a year", *rec.Established)}
		}
		im.add(model.Statement{Kind: model.KindEvent, Subject: id, Predicate: "founded", Qualifiers: model.Qualifiers{Date: date}, Evidence: evidence})
	}
	switch rec.Status {
	case "active", "":
	case "inactive", "withdrawn":
		im.c.Inactive++
		im.add(model.Statement{Kind: model.KindAttribute, Subject: id, Predicate: "status", Value: model.TextValue(rec.Status), Evidence: evidence})
	default:
		return &importer.Error{Unit: "record", N: i, ID: rec.ID, Field: "status", Err: fmt.Errorf("unknown status %q (want active, inactive or withdrawn)", rec.Status)}
	}
	for _, r := range rec.Relationships {
		other := shortID(r.ID)
		ev := fmt.Sprintf("ROR record %s: %s %s", rec.ID, r.Type, r.Label)
		switch r.Type {
		case "parent":
			im.rels = append(im.rels, relation{rid, "part_of", other, ev})
		case "child":
			im.rels = append(im.rels, relation{other, "part_of", rid, ev})
		case "related":
			im.rels = append(im.rels, relation{rid, "partners_with", other, ev})
		case "predecessor":
			im.rels = append(im.rels, relation{rid, "succeeded", other, ev})
		case "successor":
			im.rels = append(im.rels, relation{other, "succeeded", rid, ev})
		default:
			return &importer.Error{Unit: "record", N: i, ID: rec.ID, Field: "relationships.type", Err: fmt.Errorf("unknown relationship %q", r.Type)}
		}
	}
	if len(im.batch) >= 2000 {
		return im.flush()
	}
	return nil
}

// location returns the place an organisation is located in: its city, part of its country;
// the country itself when the city bears the country's name (Hong Kong, Singapore).
func (im *run) location(geonamesID int64, city, code, countryName string) (string, error) {
	city, countryName, code = strings.TrimSpace(city), strings.TrimSpace(countryName), strings.ToUpper(strings.TrimSpace(code))
	country := ""
	if code != "" && countryName != "" {
		var err error
		country, err = im.place("iso3166", code, countryName, "country")
		if err != nil {
			return "", err
		}
	}
	if city == "" || geonamesID == 0 {
		return country, nil
	}
	gid := strconv.FormatInt(geonamesID, 10)
	if country != "" && model.NormName(city) == model.NormName(countryName) {
		// the city-state: its geonames ID identifies the country's entity too
		if _, ok := im.places["geonames:"+gid]; !ok {
			im.places["geonames:"+gid] = country
			e := model.Entity{Type: model.Place, Category: "country", Name: countryName,
				Identifiers: map[string]string{"iso3166": code, "geonames": gid}}
			if _, err := im.w.Put(im.ctx, e); err != nil {
				return "", err
			}
		}
		return country, nil
	}
	id, err := im.place("geonames", gid, city, "city")
	if err != nil {
		return "", err
	}
	if country != "" {
		im.add(model.Statement{Kind: model.KindRelation, Subject: id, Predicate: "part_of", Object: country,
			Evidence: fmt.Sprintf("ROR location: %s, %s (GeoNames %s)", city, countryName, gid)})
	}
	return id, nil
}

// place finds or creates the place with an identifier, by the identifier, then by name.
func (im *run) place(scheme, value, name, category string) (string, error) {
	key := scheme + ":" + value
	if id, ok := im.places[key]; ok {
		return id, nil
	}
	e := model.Entity{Type: model.Place, Category: category, Name: name, Identifiers: map[string]string{scheme: value}}
	res, err := im.w.Put(im.ctx, e)
	if err != nil {
		return "", err
	}
	id := res.ID
	if res.Created {
		im.c.Places++
	}
	im.places[key] = id
	return id, nil
}

func (im *run) add(s model.Statement) {
	s.SourceID = im.src.ID
	im.batch = append(im.batch, s)
}

func (im *run) flush() error {
	if len(im.batch) == 0 {
		return nil
	}
	n, err := im.w.AddStatements(im.ctx, im.batch)
	if err != nil {
		return err
	}
	im.c.Statements += n
	im.batch = im.batch[:0]
	return nil
}

// relationships stores the links between records, now that every record of the file has its
// entity; a link to a record found neither in the file nor in the store is left out and counted.
func (im *run) relationships() error {
	idOf := func(rid string) (string, error) {
		if id, ok := im.byROR[rid]; ok {
			return id, nil
		}
		id, err := im.w.EntityByIdentifier(im.ctx, "ror", rid)
		if errors.Is(err, store.ErrNotFound) {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		e, err := store.Resolve(im.ctx, im.w, id)
		im.byROR[rid] = e.ID
		return e.ID, err
	}
	sort.SliceStable(im.rels, func(i, j int) bool { return im.rels[i].subject < im.rels[j].subject })
	for _, r := range im.rels {
		s, err := idOf(r.subject)
		if err != nil {
			return err
		}
		o, err := idOf(r.object)
		if err != nil {
			return err
		}
		if s == "" || o == "" || s == o {
			im.c.Unlinked++
			continue
		}
		if r.predicate == "partners_with" && o < s {
			s, o = o, s // one statement for the pair, whichever record names it
		}
		im.add(model.Statement{Kind: model.KindRelation, Subject: s, Predicate: r.predicate, Object: o, Evidence: r.evidence})
		if len(im.batch) >= 2000 {
			if err := im.flush(); err != nil {
				return err
			}
		}
	}
	return nil
}
