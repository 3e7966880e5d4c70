// Command hkin is the Hong Kong Innovation Network: a sourced knowledge graph of the innovation
// ecosystem with a CLI, an HTTP API and a web UI, on embedded SQLite or PostgreSQL.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/hkin/hkin/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := cli.Run(ctx, version, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "hkin:", err)
		os.Exit(1)
	}
}
