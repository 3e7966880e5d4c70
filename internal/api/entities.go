package api

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/profile"
	"github.com/hkin/hkin/internal/store"
)

func (s *Server) coreRoutes() []Route {
	listParams := []Param{
		{Name: "search", In: "query", Type: "string", Description: "match names and aliases (English or Chinese): exact, then prefix, then substring"},
		{Name: "filter", In: "query", Type: "string", Description: "comma-separated field:value conditions, values ORed with |: type:organization,category:startup|company,located_in:hong-kong; fields are type, category and relation predicates"},
		{Name: "sort", In: "query", Type: "string", Description: "name, created, degree or changed (last written), prefixed by - for descending; default relevance with search, else name"},
		{Name: "per_page", In: "query", Type: "integer", Description: "results per page, 1 to 500 (default 50)"},
		{Name: "cursor", In: "query", Type: "string", Description: "meta.next_cursor of the previous page"},
		{Name: "group_by", In: "query", Type: "string", Description: "count the selected entities by type, category or a relation predicate (by its object) instead of listing them"},
	}
	id := Param{Name: "id", In: "path", Type: "string", Required: true, Description: "internal ID or SCHEME:VALUE (ror:05q8mqd91, wikidata:Q...)"}
	return []Route{
		{Method: "GET", Path: "/healthz", Summary: "Liveness and database check", Response: "Health", Handle: s.health},
		{Method: "GET", Path: "/api/v1/stats", Summary: "Counts of entities, statements and sources", Response: "Stats", Handle: s.stats},
		{Method: "GET", Path: "/api/v1/entities", Summary: "List, search, filter or group entities", Params: listParams, Response: "EntityList", Handle: s.listEntities},
		{Method: "POST", Path: "/api/v1/entities", Summary: "Create an entity", Scope: ScopeWrite, Body: "NewEntity", Response: "Entity", Handle: s.createEntity},
		{Method: "GET", Path: "/api/v1/entities/{id}", Summary: "One entity with its statements and their sources (301 for a merged ID)", Params: []Param{id}, Response: "Entity", Handle: s.getEntity},
		{Method: "GET", Path: "/api/v1/entities/{id}/graph", Summary: "Entities and relations around one entity", Params: []Param{id,
			{Name: "depth", In: "query", Type: "integer", Description: "relation hops, 1 to 3 (default 1)"},
			{Name: "limit", In: "query", Type: "integer", Description: "most nodes, 1 to 5000 (default 500)"}}, Response: "Graph", Handle: s.entityGraph},
		{Method: "GET", Path: "/api/v1/autocomplete", Summary: "Names that match what is typed", Params: []Param{
			{Name: "q", In: "query", Type: "string", Required: true, Description: "the text typed so far"},
			{Name: "limit", In: "query", Type: "integer", Description: "1 to 50 (default 10)"}}, Response: "EntityList", Handle: s.autocomplete},
		{Method: "GET", Path: "/api/v1/statements", Summary: "Statements, in change order: a changes feed", Params: []Param{
			{Name: "subject", In: "query", Type: "string", Description: "statements about this entity"},
			{Name: "source", In: "query", Type: "string", Description: "statements from this source"},
			{Name: "kind", In: "query", Type: "string", Description: "relation, event, metric or attribute"},
			{Name: "predicate", In: "query", Type: "string", Description: "a predicate, event kind or metric name"},
			{Name: "since", In: "query", Type: "integer", Description: "only changes after this sequence number (meta.next_cursor of the previous call)"},
			{Name: "include_retracted", In: "query", Type: "boolean", Description: "also list retracted statements (a retraction is a change)"},
			{Name: "limit", In: "query", Type: "integer", Description: "1 to 5000 (default 500)"}}, Response: "StatementList", Handle: s.listStatements},
		{Method: "POST", Path: "/api/v1/statements", Summary: "Add statements as a person's edit", Scope: ScopeWrite, Body: "NewStatements", Response: "Added", Handle: s.addStatements},
		{Method: "DELETE", Path: "/api/v1/statements/{id}", Summary: "Retract a statement (it stays in the record)", Scope: ScopeAdmin,
			Params: []Param{{Name: "id", In: "path", Type: "string", Required: true, Description: "statement ID"}}, Response: "Retracted", Handle: s.retract},
		{Method: "POST", Path: "/api/v1/merges", Summary: "Merge one entity into another; the old ID redirects", Scope: ScopeAdmin, Body: "NewMerge", Response: "Entity", Handle: s.merge},
		{Method: "GET", Path: "/api/v1/sources", Summary: "The latest sources", Params: []Param{
			{Name: "limit", In: "query", Type: "integer", Description: "1 to 500 (default 20)"}}, Response: "SourceList", Handle: s.listSources},
	}
}

// intParam reads an integer query parameter within [lo, hi].
func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, Errorf(http.StatusBadRequest, "bad_parameter", "%s=%q: want a whole number from %d to %d", name, v, lo, hi)
	}
	return n, nil
}

// ParseFilter reads filter=field:value,field:value|value.
func ParseFilter(s string) ([]store.Filter, error) {
	var out []store.Filter
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	for _, part := range strings.Split(s, ",") {
		field, values, ok := strings.Cut(strings.TrimSpace(part), ":")
		field = strings.TrimSpace(field)
		if !ok || field == "" || strings.TrimSpace(values) == "" {
			return nil, Errorf(http.StatusBadRequest, "bad_filter", "filter part %q: want field:value (e.g. type:organization)", part)
		}
		switch field {
		case "type", "category":
		default:
			if _, known := model.LookupPredicate(field); !known {
				return nil, Errorf(http.StatusBadRequest, "bad_filter", "filter part %q: unknown field %q (want type, category or a relation predicate such as located_in)", part, field)
			}
		}
		f := store.Filter{Field: field}
		for _, v := range strings.Split(values, "|") {
			if v = strings.TrimSpace(v); v != "" {
				f.Values = append(f.Values, v)
			}
		}
		if field == "type" {
			for _, v := range f.Values {
				if !model.IsEntityType(v) {
					return nil, Errorf(http.StatusBadRequest, "bad_filter", "filter part %q: unknown type %q (want one of %s)", part, v, strings.Join(model.EntityTypes, ", "))
				}
			}
		}
		out = append(out, f)
	}
	return out, nil
}

// ListMeta is the meta part of a list answer.
type ListMeta struct {
	Count      int    `json:"count"`
	NextCursor string `json:"next_cursor,omitempty"`
}

func (s *Server) listEntities(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	filters, err := ParseFilter(q.Get("filter"))
	if err != nil {
		return err
	}
	perPage, err := intParam(q, "per_page", 50, 1, 500)
	if err != nil {
		return err
	}
	eq := store.EntityQuery{Search: q.Get("search"), Filters: filters, Sort: q.Get("sort"), Limit: perPage, Cursor: q.Get("cursor")}
	if field := q.Get("group_by"); field != "" {
		groups, err := s.cfg.Store.CountEntities(r.Context(), eq, field)
		if err != nil {
			return err
		}
		total := 0
		for _, g := range groups {
			total += g.Count
		}
		return WriteJSON(w, map[string]any{"meta": ListMeta{Count: total}, "group_by": groups})
	}
	page, ok, err := s.indexSearch(r.Context(), eq)
	if !ok && err == nil {
		page, err = s.cfg.Store.Entities(r.Context(), eq)
	}
	if err != nil {
		return err
	}
	results := page.Entities
	if results == nil {
		results = []model.Entity{}
	}
	return WriteJSON(w, map[string]any{"meta": ListMeta{Count: page.Total, NextCursor: page.Next}, "results": results})
}

func (s *Server) autocomplete(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	limit, err := intParam(q, "limit", 10, 1, 50)
	if err != nil {
		return err
	}
	if strings.TrimSpace(q.Get("q")) == "" {
		return Errorf(http.StatusBadRequest, "bad_parameter", "q is required")
	}
	eq := store.EntityQuery{Search: q.Get("q"), Limit: limit}
	page, ok, err := s.indexSearch(r.Context(), eq)
	if !ok && err == nil {
		page, err = s.cfg.Store.Entities(r.Context(), eq)
	}
	if err != nil {
		return err
	}
	results := page.Entities
	if results == nil {
		results = []model.Entity{}
	}
	return WriteJSON(w, map[string]any{"meta": ListMeta{Count: page.Total}, "results": results})
}

// find returns the entity named by the {id} path value, or a 301 to its new ID when merged.
func (s *Server) find(w http.ResponseWriter, r *http.Request) (model.Entity, bool, error) {
	ref := r.PathValue("id")
	e, redirected, err := profile.Find(r.Context(), s.cfg.Store, ref)
	if err != nil {
		return e, false, err
	}
	if redirected != "" || (ref != e.ID && !strings.Contains(ref, ":")) {
		target := strings.Replace(r.URL.Path, "/entities/"+ref, "/entities/"+url.PathEscape(e.ID), 1)
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return e, false, nil
	}
	return e, true, nil
}

func (s *Server) getEntity(w http.ResponseWriter, r *http.Request) error {
	e, ok, err := s.find(w, r)
	if !ok || err != nil {
		return err
	}
	p, err := profile.Build(r.Context(), s.cfg.Store, e)
	if err != nil {
		return err
	}
	return WriteJSON(w, p)
}

func (s *Server) entityGraph(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	depth, err := intParam(q, "depth", 1, 1, 3)
	if err != nil {
		return err
	}
	limit, err := intParam(q, "limit", 500, 1, 5000)
	if err != nil {
		return err
	}
	e, ok, err := s.find(w, r)
	if !ok || err != nil {
		return err
	}
	g, err := profile.Neighbourhood(r.Context(), s.cfg.Store, e, depth, limit)
	if err != nil {
		return err
	}
	return WriteJSON(w, g)
}

// NewEntity is the body of POST /api/v1/entities.
type NewEntity struct {
	Type        string            `json:"type"`
	Category    string            `json:"category,omitempty"`
	Name        string            `json:"name"`
	Aliases     []model.Alias     `json:"aliases,omitempty"`
	Identifiers map[string]string `json:"identifiers,omitempty"`
}

func (s *Server) createEntity(w http.ResponseWriter, r *http.Request) error {
	var in NewEntity
	if err := DecodeJSON(r, &in); err != nil {
		return err
	}
	e := model.Entity{Type: in.Type, Category: in.Category, Name: in.Name, Aliases: in.Aliases, Identifiers: in.Identifiers}
	ctx := r.Context()
	err := s.cfg.Store.Update(ctx, func(tx store.Writer) error {
		e.ID = model.NewEntityID(e, func(id string) bool { _, err := tx.Entity(ctx, id); return err == nil })
		return tx.PutEntity(ctx, e)
	})
	if err != nil {
		return err
	}
	got, err := s.cfg.Store.Entity(ctx, e.ID)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/entities/"+url.PathEscape(e.ID))
	return writeJSON(w, http.StatusCreated, profile.Entity{Entity: got, Statements: []profile.Statement{}})
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.cfg.Store.Stats(r.Context())
	if err != nil {
		return err
	}
	return WriteJSON(w, st)
}

func (s *Server) listSources(w http.ResponseWriter, r *http.Request) error {
	limit, err := intParam(r.URL.Query(), "limit", 20, 1, 500)
	if err != nil {
		return err
	}
	srcs, err := s.cfg.Store.RecentSources(r.Context(), limit)
	if err != nil {
		return err
	}
	return WriteJSON(w, map[string]any{"meta": ListMeta{Count: len(srcs)}, "results": srcs})
}

// NewMerge is the body of POST /api/v1/merges.
type NewMerge struct {
	From   string `json:"from"`
	Into   string `json:"into"`
	Reason string `json:"reason"`
}

func (s *Server) merge(w http.ResponseWriter, r *http.Request) error {
	var in NewMerge
	if err := DecodeJSON(r, &in); err != nil {
		return err
	}
	if in.Reason == "" {
		in.Reason = "merged by hand"
	}
	ctx := r.Context()
	err := s.cfg.Store.Update(ctx, func(tx store.Writer) error {
		return tx.Merge(ctx, store.Merge{From: in.From, Into: in.Into, Reason: in.Reason, RecordedAt: time.Now()})
	})
	if errors.Is(err, store.ErrNotFound) {
		return Errorf(http.StatusBadRequest, "invalid", "%v", err)
	}
	if err != nil {
		return err
	}
	e, err := s.cfg.Store.Entity(ctx, in.Into)
	if err != nil {
		return err
	}
	p, err := profile.Build(ctx, s.cfg.Store, e)
	if err != nil {
		return err
	}
	return WriteJSON(w, p)
}
