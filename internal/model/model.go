package model

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Statement kinds.
const (
	KindRelation  = "relation"
	KindEvent     = "event"
	KindMetric    = "metric"
	KindAttribute = "attribute"
)

// Source kinds.
const (
	SourceDocument = "document"
	SourceDataset  = "dataset"
	SourceEdit     = "edit"
)

// Alias is another name of an entity.
type Alias struct {
	Value string `json:"value"`
	Lang  string `json:"lang,omitempty"` // en, zh, zh-Hant, zh-Hans, ...
	Kind  string `json:"kind,omitempty"` // label, alias, acronym
}

// Entity is one real-world thing: an organization, person, place, facility, product,
// programme or sector. Its facts are statements; the entity itself holds only its
// identity: type, names and external identifiers.
type Entity struct {
	ID          string            `json:"id"`
	Type        string            `json:"type"`
	Category    string            `json:"category,omitempty"`
	Name        string            `json:"name"`
	Aliases     []Alias           `json:"aliases"`
	Identifiers map[string]string `json:"identifiers"`
	// MergedInto is set when this entity was merged into another; its ID then redirects there.
	MergedInto string    `json:"merged_into,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
}

// Source is where statements come from: a document (article, web page), a dataset
// (a registry dump at a version) or a person's edit.
type Source struct {
	ID         string    `json:"id"`
	Kind       string    `json:"kind"`
	Title      string    `json:"title,omitempty"`
	URL        string    `json:"url,omitempty"`
	Published  string    `json:"published,omitempty"` // ISO date at the precision known
	SHA256     string    `json:"sha256,omitempty"`    // of a document's text
	Version    string    `json:"version,omitempty"`   // of a dataset
	Author     string    `json:"author,omitempty"`    // of an edit
	RecordedAt time.Time `json:"recorded_at"`
}

// SourceID derives a source's ID from what identifies it: the text's hash for a document
// with text, else its URL (with the publication date: a page read at two dates is two sources)
// or title, a dataset's title and version, an edit's author and time.
func SourceID(s Source) string {
	var key string
	switch {
	case s.SHA256 != "":
		key = "sha256:" + s.SHA256
	case s.Kind == SourceDataset:
		key = "dataset:" + s.Title + "@" + s.Version
	case s.URL != "":
		key = "url:" + s.URL + "@" + s.Published
	default:
		key = s.Kind + ":" + s.Title + ":" + s.Published + ":" + s.Author
	}
	return "src_" + shortHash(key)
}

// Qualifiers are the optional details of a statement. Relations use Role, Date, Duration and
// Amount; events use Date; metrics use Unit, Qualifier, Period, ChangePercent and BasePeriod.
type Qualifiers struct {
	Role          string   `json:"role,omitempty"`
	Date          string   `json:"date,omitempty"`
	Duration      string   `json:"duration,omitempty"`
	Amount        string   `json:"amount,omitempty"`
	Unit          string   `json:"unit,omitempty"`
	Qualifier     string   `json:"qualifier,omitempty"`
	Period        string   `json:"period,omitempty"`
	ChangePercent *float64 `json:"change_percent,omitempty"`
	BasePeriod    string   `json:"base_period,omitempty"`
}

// Statement is one fact from one source. Relations link Subject to Object with a predicate;
// events give Subject a dated kind (Predicate is the event kind); metrics measure Subject
// (Predicate is the metric name, Value the number, Object an optional second entity);
// attributes give Subject a text value (Predicate is the attribute name).
type Statement struct {
	ID        string          `json:"id"`
	Kind      string          `json:"kind"`
	Subject   string          `json:"subject"`
	Predicate string          `json:"predicate"`
	Object    string          `json:"object,omitempty"`
	Value     json.RawMessage `json:"value,omitempty"`
	Qualifiers
	SourceID    string     `json:"source_id"`
	Evidence    string     `json:"evidence,omitempty"`
	RecordedAt  time.Time  `json:"recorded_at"`
	RetractedAt *time.Time `json:"retracted_at,omitempty"`
	// Seq orders changes: it grows with every insert and retraction.
	Seq int64 `json:"seq,omitempty"`
}

// Number returns a metric's value.
func (s Statement) Number() (float64, bool) {
	if len(s.Value) == 0 {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(s.Value), 64)
	return f, err == nil
}

// Text returns an attribute's value.
func (s Statement) Text() string {
	var t string
	if json.Unmarshal(s.Value, &t) == nil {
		return t
	}
	return string(s.Value)
}

// NumberValue encodes a metric value.
func NumberValue(f float64) json.RawMessage {
	return json.RawMessage(strconv.FormatFloat(f, 'f', -1, 64))
}

// TextValue encodes an attribute value.
func TextValue(s string) json.RawMessage {
	b, _ := json.Marshal(s)
	return b
}

// StatementID derives a statement's ID from its content and source, so that storing the same
// fact from the same source twice is a no-op. Evidence and times do not count.
func StatementID(s Statement) string {
	var b strings.Builder
	for _, f := range []string{s.Kind, s.Subject, s.Predicate, s.Object, string(s.Value),
		s.Role, s.Date, s.Duration, s.Amount, s.Unit, s.Qualifier, s.Period, s.BasePeriod, s.SourceID} {
		b.WriteString(f)
		b.WriteByte(0)
	}
	if s.ChangePercent != nil {
		b.WriteString(strconv.FormatFloat(*s.ChangePercent, 'f', -1, 64))
	}
	return "st_" + shortHash(b.String())
}

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:12])
}

// Slug turns a name into an ID-friendly lowercase ASCII slug ("Rice Robotics" → "rice-robotics").
// It returns "" when the name has no ASCII letters or digits (a Chinese-only name, say).
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case r == '&':
			dash = true
		default:
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

// NewEntityID makes an ID for a new entity from its name, with a hash of its key (type, name and
// identifiers) appended when the plain slug is taken or empty.
func NewEntityID(e Entity, taken func(id string) bool) string {
	base := Slug(e.Name)
	if base != "" && !taken(base) {
		return base
	}
	key := e.Type + "\x00" + e.Name
	schemes := make([]string, 0, len(e.Identifiers))
	for k := range e.Identifiers {
		schemes = append(schemes, k)
	}
	sort.Strings(schemes)
	for _, k := range schemes {
		key += "\x00" + k + "=" + e.Identifiers[k]
	}
	if base == "" {
		base = "e"
	}
	id := base + "-" + shortHash(key)[:6]
	for n := 2; taken(id); n++ {
		id = base + "-" + shortHash(key + strconv.Itoa(n))[:6]
	}
	return id
}
