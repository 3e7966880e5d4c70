// Package importer holds what the dataset importers (ror, wikidata, tabular) share: opening a
// dump whatever its packing (plain, gzip, bzip2, zip), counting progress, naming the dataset's
// version, and adding entities under resolution.
package importer

import (
	"archive/zip"
	"bufio"
	"compress/bzip2"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// File is an opened dump: its decompressed content, and how far through the file a reader is.
type File struct {
	io.Reader
	// Name is the file's base name, or for a zip the member read ("v1.55-2024-10-31-ror-data.json").
	Name string
	// Size is the total that Done counts towards (the compressed size when compressed).
	Size    int64
	counter *counter
	closers []io.Closer
}

// Done returns how many bytes of Size have been read.
func (f *File) Done() int64 { return f.counter.n }

// Close closes the file.
func (f *File) Close() error {
	var errs []error
	for i := len(f.closers) - 1; i >= 0; i-- {
		errs = append(errs, f.closers[i].Close())
	}
	return errors.Join(errs...)
}

type counter struct {
	r io.Reader
	n int64
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// Open opens a dump and undoes its packing, told by its first bytes: gzip, bzip2, zip, or plain.
// A zip holds several files; pick chooses the member to read among those listed (nil takes the
// only one, or fails).
func Open(path string, pick func(names []string) (string, error)) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	var magic [4]byte
	n, _ := io.ReadFull(f, magic[:])
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, err
	}
	out := &File{Name: filepath.Base(path), Size: info.Size(), closers: []io.Closer{f}}
	out.counter = &counter{r: f}
	head := string(magic[:n])
	switch {
	case strings.HasPrefix(head, "\x1f\x8b"):
		gz, err := gzip.NewReader(bufio.NewReaderSize(out.counter, 1<<16))
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out.Reader, out.closers = gz, append(out.closers, gz)
	case strings.HasPrefix(head, "BZh"):
		out.Reader = bzip2.NewReader(bufio.NewReaderSize(out.counter, 1<<16))
	case head == "PK\x03\x04":
		zr, err := zip.NewReader(f, info.Size())
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		var names []string
		byName := map[string]*zip.File{}
		for _, m := range zr.File {
			if !m.FileInfo().IsDir() {
				names = append(names, m.Name)
				byName[m.Name] = m
			}
		}
		sort.Strings(names)
		name := ""
		switch {
		case pick != nil:
			if name, err = pick(names); err != nil {
				f.Close()
				return nil, fmt.Errorf("%s: %w", path, err)
			}
		case len(names) == 1:
			name = names[0]
		default:
			f.Close()
			return nil, fmt.Errorf("%s: a zip of %d files (%s): cannot tell which to read", path, len(names), strings.Join(names, ", "))
		}
		m := byName[name]
		rc, err := m.Open()
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %s: %w", path, name, err)
		}
		out.Name, out.Size = filepath.Base(name), int64(m.UncompressedSize64)
		out.counter = &counter{r: rc}
		out.Reader, out.closers = out.counter, append(out.closers, rc)
	default:
		out.Reader = bufio.NewReaderSize(out.counter, 1<<16)
	}
	return out, nil
}

// versionPattern finds a dataset version and date in a dump's file name
// (v1.55-2024-10-31-ror-data.json → v1.55-2024-10-31).
var versionPattern = regexp.MustCompile(`v\d+(\.\d+)*-(\d{4}-\d{2}-\d{2})`)

// datePattern finds a dump's date in its file name (wikidata-20250106-all.json.gz → 20250106).
var datePattern = regexp.MustCompile(`(?:^|[^0-9])((20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))(?:[^0-9]|$)`)

// Version names the version of a dump: the one in its (or its member's) file name, else a hash
// of the file's bytes, so that the same file always gives the same source. date is the release
// date when the name gives one.
func Version(path, member string) (version, date string, err error) {
	for _, n := range []string{member, filepath.Base(path)} {
		if m := versionPattern.FindStringSubmatch(n); m != nil {
			return m[0], m[2], nil
		}
		if m := datePattern.FindStringSubmatch(n); m != nil {
			return m[1], m[2] + "-" + m[3] + "-" + m[4], nil
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return "", "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", "", fmt.Errorf("%s: %w", path, err)
	}
	return "sha256-" + hex.EncodeToString(h.Sum(nil))[:16], "", nil
}

// Error names where in a dump an import failed: the record or line (from 1), the item's ID when
// known, and the field.
type Error struct {
	Unit  string // "record" or "line"
	N     int
	ID    string
	Field string
	Err   error
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %d", e.Unit, e.N)
	if e.ID != "" {
		fmt.Fprintf(&b, " (%s)", e.ID)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, ", field %s", e.Field)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }
