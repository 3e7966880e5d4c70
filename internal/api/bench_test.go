package api_test

import (
	"io"
	"net/http"
	"testing"
)

// BenchmarkEntityGET measures GET /api/v1/entities/{id} through the whole HTTP stack on
// loopback: routing, the store (SQLite), the profile with sources, and JSON.
func BenchmarkEntityGET(b *testing.B) {
	f := newFixture(b)
	client := f.srv.Client()
	b.ResetTimer()
	for b.Loop() {
		resp, err := client.Get(f.srv.URL + "/api/v1/entities/rice-robotics")
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatal(resp.Status)
		}
	}
}
