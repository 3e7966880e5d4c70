package webui

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func get(t *testing.T, h http.Handler, path string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	b, _ := io.ReadAll(rec.Result().Body)
	return rec.Result(), string(b)
}

func TestNotBuilt(t *testing.T) {
	h := handler(fstest.MapFS{"dist/README.md": {Data: []byte("readme")}})
	for _, p := range []string{"/", "/entities/cyberport"} {
		resp, body := get(t, h, p)
		if resp.StatusCode != 200 || !strings.Contains(body, "make build") {
			t.Errorf("%s: %d %q, want the page saying how to build the UI", p, resp.StatusCode, body)
		}
	}
}

func TestBuilt(t *testing.T) {
	h := handler(fstest.MapFS{
		"dist/index.html":    {Data: []byte("<html>app</html>")},
		"dist/assets/app.js": {Data: []byte("console.log(1)")},
		"dist/README.md":     {Data: []byte("readme")},
	})
	tests := []struct{ path, want, cache string }{
		{"/", "<html>app</html>", "no-cache"},
		{"/entities/cyberport", "<html>app</html>", "no-cache"}, // a deep link gets the app
		{"/explore?type=place", "<html>app</html>", "no-cache"},
		{"/assets/app.js", "console.log(1)", "immutable"},
	}
	for _, tt := range tests {
		resp, body := get(t, h, tt.path)
		if resp.StatusCode != 200 || body != tt.want || !strings.Contains(resp.Header.Get("Cache-Control"), tt.cache) {
			t.Errorf("%s: %d %q cache %q", tt.path, resp.StatusCode, body, resp.Header.Get("Cache-Control"))
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", rec.Code)
	}
}
