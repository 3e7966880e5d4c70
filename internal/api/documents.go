package api

import (
	"errors"
	"net/http"

	"github.com/hkin/hkin/internal/extract"
	"github.com/hkin/hkin/internal/ingest"
)

// documentRoutes read articles: /extract shows what hkin reads from a text, /documents stores it.
func (s *Server) documentRoutes() []Route {
	if s.cfg.Ingest == nil {
		return nil
	}
	limit := int64(extract.MaxText + 64<<10)
	return []Route{
		{Method: "POST", Path: "/api/v1/extract", Summary: "Extract entities, relations, events and metrics from an article; stores nothing",
			Body: "Document", Response: "Extraction", MaxBody: limit, Handle: s.extract},
		{Method: "POST", Path: "/api/v1/documents", Summary: "Extract an article's facts and store them with the article as their source",
			Scope: ScopeWrite, Body: "Document", Response: "Ingested", MaxBody: limit, Handle: s.ingestDocument},
	}
}

func (s *Server) readDocument(r *http.Request) (ingest.Document, error) {
	var doc ingest.Document
	if err := DecodeJSON(r, &doc); err != nil {
		return doc, err
	}
	if err := extract.CheckText(doc.Text); err != nil {
		return doc, Errorf(http.StatusBadRequest, "bad_text", "text: %v", err)
	}
	return doc, nil
}

func (s *Server) extract(w http.ResponseWriter, r *http.Request) error {
	doc, err := s.readDocument(r)
	if err != nil {
		return err
	}
	ex, err := s.cfg.Ingest.Extractor(r.Context())
	if err != nil {
		return err
	}
	res, err := ex.Extract(r.Context(), doc.Text, doc.Published)
	if err != nil {
		return extractError(err)
	}
	return WriteJSON(w, res)
}

func (s *Server) ingestDocument(w http.ResponseWriter, r *http.Request) error {
	doc, err := s.readDocument(r)
	if err != nil {
		return err
	}
	res, err := s.cfg.Ingest.Ingest(r.Context(), doc)
	if err != nil {
		return extractError(err)
	}
	return WriteJSON(w, res)
}

// extractError turns the extractor's complaints about its input into 400s.
func extractError(err error) error {
	for _, bad := range []error{extract.ErrDate, extract.ErrEmpty, extract.ErrBinary, extract.ErrTooLarge} {
		if errors.Is(err, bad) {
			return Errorf(http.StatusBadRequest, "bad_document", "%v", err)
		}
	}
	return err
}
