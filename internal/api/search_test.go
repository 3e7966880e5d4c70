package api_test

import (
	"context"
	"net/http/httptest"
	"net/url"
	"reflect"
	"testing"

	"github.com/hkin/hkin/internal/api"
	"github.com/hkin/hkin/internal/search"
)

// TestIndexSearch serves the fixture with a search index: typos and Chinese scripts are found,
// pages follow the index's order, and filters the index does not know fall back to the store.
func TestIndexSearch(t *testing.T) {
	f := newFixture(t)
	ix, err := search.Build(context.Background(), f.st)
	if err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(api.New(api.Config{Store: f.st, Version: "test", Searcher: ix}))
	t.Cleanup(f.srv.Close)
	tests := []struct {
		path string
		want []string
	}{
		{"/api/v1/entities?search=" + url.QueryEscape("Rice Robotcs"), []string{"rice-robotics"}},
		{"/api/v1/entities?search=" + url.QueryEscape("Hong Kong Science & Technology Parks Corp"), []string{"hkstp"}},
		{"/api/v1/autocomplete?q=cyber", []string{"cyberport", "ai-supercomputing-centre"}},
		{"/api/v1/autocomplete?q=" + url.QueryEscape("香"), []string{"hong-kong"}},
		{"/api/v1/entities?search=cyberport&filter=type:facility", []string{"ai-supercomputing-centre"}},
		// a relation filter: the store answers
		{"/api/v1/entities?search=cyberport&filter=located_in:hong-kong", []string{"cyberport"}},
	}
	for _, tt := range tests {
		code, body := f.get(t, tt.path)
		if code != 200 {
			t.Fatalf("%s: %d %v", tt.path, code, body)
		}
		if got := ids(body["results"]); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.path, got, tt.want)
		}
	}
	// paging through an index search
	_, first := f.get(t, "/api/v1/entities?search=cyber&per_page=1")
	next, _ := first["meta"].(map[string]any)["next_cursor"].(string)
	if next == "" {
		t.Fatalf("no next cursor: %v", first)
	}
	_, second := f.get(t, "/api/v1/entities?search=cyber&per_page=1&cursor="+url.QueryEscape(next))
	if a, b := ids(first["results"]), ids(second["results"]); len(b) != 1 || a[0] == b[0] {
		t.Errorf("pages %v then %v", a, b)
	}
}
