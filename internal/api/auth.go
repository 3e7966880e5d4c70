package api

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hkin/hkin/internal/store"
)

// Token scopes. admin can do everything write can.
const (
	ScopeWrite = "write"
	ScopeAdmin = "admin"
)

// HashToken is how tokens are stored: the hex SHA-256 of the token.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// CreateToken makes a new random token with a scope, stores its hash and returns the token,
// which is shown once and never stored.
func CreateToken(ctx context.Context, s store.Store, scope, name string) (string, error) {
	if scope != ScopeWrite && scope != ScopeAdmin {
		return "", fmt.Errorf("scope %q: want write or admin", scope)
	}
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	token := "hkin_" + hex.EncodeToString(b)
	err := s.Update(ctx, func(w store.Writer) error { return w.PutToken(ctx, HashToken(token), scope, name) })
	return token, err
}

func (s *Server) authorize(r *http.Request, need string) error {
	h := r.Header.Get("Authorization")
	token, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || token == "" {
		return Errorf(http.StatusUnauthorized, "unauthorized", "this route needs Authorization: Bearer TOKEN with the %s scope (create one with `hkin token create --scope %s`)", need, need)
	}
	scope, err := s.cfg.Store.TokenScope(r.Context(), HashToken(strings.TrimSpace(token)))
	if errors.Is(err, store.ErrNotFound) {
		return Errorf(http.StatusUnauthorized, "unauthorized", "unknown token")
	}
	if err != nil {
		return err
	}
	if scope != need && scope != ScopeAdmin {
		return Errorf(http.StatusForbidden, "forbidden", "this route needs the %s scope; the token has %s", need, scope)
	}
	return nil
}
