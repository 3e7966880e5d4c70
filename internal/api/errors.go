package api

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/profile"
	"github.com/hkin/hkin/internal/store"
)

// Error is an API error with its HTTP status.
type Error struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an API error.
func Errorf(status int, code, format string, args ...any) error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// asAPIError classifies any error: API errors as they are, the store's and the model's by kind.
func asAPIError(err error) *Error {
	var ae *Error
	var fe *model.FieldError
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.As(err, &tooBig):
		return &Error{http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("request body over %d bytes", tooBig.Limit)}
	case errors.Is(err, store.ErrNotFound):
		return &Error{http.StatusNotFound, "not_found", err.Error()}
	case errors.Is(err, profile.ErrAmbiguous):
		return &Error{http.StatusConflict, "ambiguous", err.Error()}
	case errors.Is(err, store.ErrUnavailable):
		return &Error{http.StatusServiceUnavailable, "unavailable", "the database is unavailable; try again shortly"}
	case errors.Is(err, store.ErrInvalid), errors.As(err, &fe):
		return &Error{http.StatusBadRequest, "invalid", err.Error()}
	default:
		return &Error{http.StatusInternalServerError, "internal", "internal error"}
	}
}

func statusOf(err error) int { return asAPIError(err).Status }

func writeError(w http.ResponseWriter, err error) {
	ae := asAPIError(err)
	if ae.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="hkin"`)
	}
	writeJSON(w, ae.Status, map[string]*Error{"error": ae})
}
