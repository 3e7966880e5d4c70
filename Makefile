# hkin — make run: build and serve on 127.0.0.1:8080; make test: every test.
GO      ?= go
BIN     := bin/hkin
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: all build run test bench web clean

all: build

build: web
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/hkin

# The web UI is built into internal/webui/dist when its sources and npm are present;
# without it the binary still builds and serves a page saying how to build the UI.
web:
	@if [ -f web/package.json ] && command -v npm >/dev/null; then \
		cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build; \
	fi

run: build
	./$(BIN) serve

# the browser tests need the UI built into the binary, so test builds it first
test: web
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	@if [ -f web/package.json ] && command -v npm >/dev/null; then cd web && npm test; fi

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin internal/webui/dist/assets internal/webui/dist/index.html
