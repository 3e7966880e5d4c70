package api

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/profile"
	"github.com/hkin/hkin/internal/store"
)

func (s *Server) listStatements(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	limit, err := intParam(q, "limit", 500, 1, 5000)
	if err != nil {
		return err
	}
	sq := store.StatementQuery{Source: q.Get("source"), Limit: limit, IncludeRetracted: q.Get("include_retracted") == "true"}
	if v := q.Get("since"); v != "" {
		if sq.SinceSeq, err = strconv.ParseInt(v, 10, 64); err != nil || sq.SinceSeq < 0 {
			return Errorf(http.StatusBadRequest, "bad_parameter", "since=%q: want a sequence number (meta.next_cursor of an earlier answer)", v)
		}
	}
	if v := q.Get("subject"); v != "" {
		e, _, err := profile.Find(r.Context(), s.cfg.Store, v)
		if err != nil {
			return err
		}
		sq.Subjects = []string{e.ID}
	}
	if v := q.Get("kind"); v != "" {
		switch v {
		case model.KindRelation, model.KindEvent, model.KindMetric, model.KindAttribute:
		default:
			return Errorf(http.StatusBadRequest, "bad_parameter", "kind=%q: want relation, event, metric or attribute", v)
		}
		sq.Kinds = []string{v}
	}
	if v := q.Get("predicate"); v != "" {
		sq.Predicates = []string{v}
	}
	sts, err := s.cfg.Store.Statements(r.Context(), sq)
	if err != nil {
		return err
	}
	views, err := profile.Render(r.Context(), s.cfg.Store, sts, "")
	if err != nil {
		return err
	}
	type item struct {
		Seq int64 `json:"seq"`
		profile.Statement
	}
	results := make([]item, len(views))
	meta := ListMeta{Count: len(views)}
	for i, v := range views {
		results[i] = item{Seq: sts[i].Seq, Statement: v}
	}
	if len(sts) > 0 {
		meta.NextCursor = strconv.FormatInt(sts[len(sts)-1].Seq, 10)
	} else {
		meta.NextCursor = strconv.FormatInt(sq.SinceSeq, 10)
	}
	return WriteJSON(w, map[string]any{"meta": meta, "results": results})
}

// NewStatements is the body of POST /api/v1/statements: facts a person adds, recorded with an
// edit source (or the document named).
type NewStatements struct {
	Source     *model.Source `json:"source,omitempty"`
	Statements []struct {
		Kind      string          `json:"kind"`
		Subject   string          `json:"subject"`
		Predicate string          `json:"predicate"`
		Object    string          `json:"object,omitempty"`
		Value     json.RawMessage `json:"value,omitempty"`
		model.Qualifiers
		Evidence string `json:"evidence,omitempty"`
	} `json:"statements"`
}

func (s *Server) addStatements(w http.ResponseWriter, r *http.Request) error {
	var in NewStatements
	if err := DecodeJSON(r, &in); err != nil {
		return err
	}
	if len(in.Statements) == 0 {
		return Errorf(http.StatusBadRequest, "invalid", "statements: none given")
	}
	now := time.Now().UTC()
	src := model.Source{Kind: model.SourceEdit, Title: "Edit through the API", Author: "api", Published: now.Format("2006-01-02"), RecordedAt: now}
	if in.Source != nil {
		src = *in.Source
		src.RecordedAt = now
	}
	src.ID = model.SourceID(src)
	sts := make([]model.Statement, len(in.Statements))
	for i, x := range in.Statements {
		sts[i] = model.Statement{Kind: x.Kind, Subject: x.Subject, Predicate: x.Predicate, Object: x.Object,
			Value: x.Value, Qualifiers: x.Qualifiers, Evidence: x.Evidence, SourceID: src.ID}
		if sts[i].Kind == "" {
			sts[i].Kind = model.KindRelation
		}
		sts[i].ID = model.StatementID(sts[i])
	}
	var added int
	err := s.cfg.Store.Update(r.Context(), func(tx store.Writer) error {
		if err := tx.PutSource(r.Context(), src); err != nil {
			return err
		}
		var err error
		added, err = tx.AddStatements(r.Context(), sts)
		return err
	})
	if err != nil {
		return err
	}
	ids := make([]string, len(sts))
	for i, st := range sts {
		ids[i] = st.ID
	}
	return WriteJSON(w, map[string]any{"added": added, "ids": ids, "source": src.ID})
}

func (s *Server) retract(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	at := time.Now()
	if err := s.cfg.Store.Update(r.Context(), func(tx store.Writer) error { return tx.Retract(r.Context(), id, at) }); err != nil {
		return err
	}
	return WriteJSON(w, map[string]any{"id": id, "retracted_at": at.UTC()})
}
