// Package webui serves the web UI that `make build` compiles from web/ into dist/ and that is
// embedded into the binary. Paths that are not files get index.html, so every page of the UI
// is a real URL that survives a reload. Without a build it serves a page saying how to make one.
package webui

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed all:dist
var dist embed.FS

// Handler serves the embedded UI.
func Handler() http.Handler { return handler(dist) }

func handler(files fs.FS) http.Handler {
	sub, err := fs.Sub(files, "dist")
	if err != nil {
		panic(err) // dist is part of the build
	}
	index, err := fs.ReadFile(sub, "index.html")
	if err != nil {
		index = []byte(notBuilt)
	}
	fileServer := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if name != "" && name != "index.html" {
			if st, err := fs.Stat(sub, name); err == nil && !st.IsDir() {
				if strings.HasPrefix(name, "assets/") {
					w.Header().Set("Cache-Control", "public, max-age=31536000, immutable") // names carry a content hash
				}
				fileServer.ServeHTTP(w, r)
				return
			}
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(index)
	})
}

const notBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hkin</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>hkin</h1><p>The web UI is not built into this binary. Build it with <code>make build</code>
(it needs Node.js and npm), then start <code>hkin serve</code> again.</p>
<p>The API works without it: <a href="/api/openapi.json">/api/openapi.json</a>,
<a href="/api/v1/entities">/api/v1/entities</a>.</p></body></html>`
