// Package extract reads an English news article and returns the entities it names, the relations
// between them, dated events and reported figures, in the form of ../shared/spec/extraction.md.
//
// It is a rule-based extractor: a sentence splitter and tokeniser, a gazetteer (lexicons written
// here plus the entities the caller already knows), capitalised-phrase chunking typed by head
// words and context, coreference of surnames, acronyms and definite descriptions ("the park"),
// and patterns for relations, events and metrics. It is offline and deterministic.
package extract

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxText is the largest text Extract accepts, in bytes.
const MaxText = 5 << 20

// Known is an entity from the store, added to the gazetteer.
type Known struct {
	ID, Type, Category, Name string
	Aliases                  []string
}

// Extractor extracts facts from article text. It is safe for concurrent use.
type Extractor struct {
	gaz *gazetteer
}

// New returns an extractor whose gazetteer holds the built-in lexicons and the known entities.
func New(known []Known) *Extractor {
	return &Extractor{gaz: newGazetteer(known)}
}

// Result is the extraction of one document.
type Result struct {
	Document  Document   `json:"document"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
	Events    []Event    `json:"events"`
	Metrics   []Metric   `json:"metrics"`
}

// Document describes the text extracted from.
type Document struct {
	Published string `json:"published,omitempty"`
}

// Entity is one real-world thing named in the text.
type Entity struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Category string   `json:"category,omitempty"`
	Aliases  []string `json:"aliases"`
	// KnownID is the ID of the Known entity this one matched, if any.
	KnownID string `json:"-"`
}

// Relation links two entities.
type Relation struct {
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
	Role      string `json:"role,omitempty"`
	Date      string `json:"date,omitempty"`
	Duration  string `json:"duration,omitempty"`
	Amount    string `json:"amount,omitempty"`
	Evidence  string `json:"evidence"`
}

// Event is something that happened to an entity on a date.
type Event struct {
	Subject  string `json:"subject"`
	Kind     string `json:"kind"`
	Date     string `json:"date"`
	Evidence string `json:"evidence"`
}

// Metric is a reported figure.
type Metric struct {
	Subject       string   `json:"subject"`
	Object        string   `json:"object,omitempty"`
	Metric        string   `json:"metric"`
	Value         *float64 `json:"value,omitempty"`
	Unit          string   `json:"unit,omitempty"`
	Qualifier     string   `json:"qualifier,omitempty"`
	Period        string   `json:"period,omitempty"`
	ChangePercent *float64 `json:"change_percent,omitempty"`
	BasePeriod    string   `json:"base_period,omitempty"`
	Evidence      string   `json:"evidence"`
}

// Errors for bad input.
var (
	ErrEmpty    = errors.New("empty text")
	ErrTooLarge = fmt.Errorf("text larger than %d bytes", MaxText)
	ErrBinary   = errors.New("text is not UTF-8 text")
	ErrDate     = errors.New("published date is not YYYY-MM-DD")
)

// CheckText returns an error when text cannot be an article: empty, too large, not UTF-8, or binary.
func CheckText(text string) error {
	if len(text) > MaxText {
		return ErrTooLarge
	}
	if !utf8.ValidString(text) {
		return ErrBinary
	}
	if strings.ContainsRune(text, 0) {
		return ErrBinary
	}
	if strings.TrimSpace(text) == "" {
		return ErrEmpty
	}
	return nil
}

// Extract reads text, published on the date given as YYYY-MM-DD (or "" when unknown).
func (x *Extractor) Extract(ctx context.Context, text, published string) (*Result, error) {
	if err := CheckText(text); err != nil {
		return nil, err
	}
	var pub time.Time
	if published != "" {
		t, err := time.Parse("2006-01-02", published)
		if err != nil {
			return nil, fmt.Errorf("%w: %q", ErrDate, published)
		}
		pub = t
	}
	text = normalizeText(text)
	d := &doc{x: x, pub: pub, hasPub: published != ""}
	d.sents = splitSentences(text)
	for i := range d.sents {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
	}
	d.dates = make([][]dateExpr, len(d.sents))
	for i, s := range d.sents {
		d.dates[i] = findDates(s.Tokens, d.pub)
	}
	d.findMentions()
	d.resolve()
	res := d.result()
	res.Document.Published = published
	return res, nil
}

// typography replaces typographic variants the rules do not need to tell apart.
var typography = strings.NewReplacer("\u00a0", " ", "\u2009", " ", "\u202f", " ", "\r\n", "\n", "\r", "\n",
	"“", "\"", "”", "\"", "‘", "'", "’", "'", "–", "-", "—", " - ")

// normalizeText replaces typographic variants the rules do not need to tell apart.
func normalizeText(s string) string { return typography.Replace(s) }
