package model

import (
	"fmt"
	"regexp"
	"strings"
)

// FieldError is a validation error naming the offending field and value.
type FieldError struct {
	Field string
	Value string
	Msg   string
}

func (e *FieldError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Msg)
	}
	return fmt.Sprintf("%s %q: %s", e.Field, e.Value, e.Msg)
}

func fieldErr(field, value, format string, args ...any) error {
	return &FieldError{Field: field, Value: value, Msg: fmt.Sprintf(format, args...)}
}

var datePattern = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// ValidDate reports whether s is an ISO 8601 date at year, month or day precision.
func ValidDate(s string) bool { return datePattern.MatchString(s) }

// ValidateEntity checks an entity's type, category and names.
func ValidateEntity(e Entity) error {
	if strings.TrimSpace(e.ID) == "" {
		return fieldErr("id", "", "is required")
	}
	if !IsEntityType(e.Type) {
		return fieldErr("type", e.Type, "unknown entity type (want one of %s)", strings.Join(EntityTypes, ", "))
	}
	if strings.TrimSpace(e.Name) == "" {
		return fieldErr("name", "", "is required")
	}
	switch {
	case e.Category == "":
	case e.Type == Organization && !contains(OrganizationCategories, e.Category):
		return fieldErr("category", e.Category, "unknown organization category (want one of %s)", strings.Join(OrganizationCategories, ", "))
	case e.Type == Place && !contains(PlaceCategories, e.Category):
		return fieldErr("category", e.Category, "unknown place category (want one of %s)", strings.Join(PlaceCategories, ", "))
	}
	for i, a := range e.Aliases {
		if strings.TrimSpace(a.Value) == "" {
			return fieldErr(fmt.Sprintf("aliases[%d].value", i), "", "is empty")
		}
	}
	for k, v := range e.Identifiers {
		if k == "" || strings.ContainsAny(k, ": ") || v == "" {
			return fieldErr("identifiers", k+"="+v, "want a scheme without ':' and a value")
		}
	}
	return nil
}

// ValidateSource checks a source's kind and date.
func ValidateSource(s Source) error {
	switch s.Kind {
	case SourceDocument, SourceDataset, SourceEdit:
	default:
		return fieldErr("kind", s.Kind, "unknown source kind (want document, dataset or edit)")
	}
	if s.Published != "" && !ValidDate(s.Published) {
		return fieldErr("published", s.Published, "not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
	}
	return nil
}

// TypeOf returns an entity's type by ID, and whether it exists.
type TypeOf func(id string) (string, bool)

// ValidateStatement checks a statement against the ontology: its kind, predicate, the types of
// its subject and object (looked up with typeOf), and its qualifiers.
func ValidateStatement(s Statement, typeOf TypeOf) error {
	if s.SourceID == "" {
		return fieldErr("source", "", "is required")
	}
	st, ok := typeOf(s.Subject)
	if !ok {
		return fieldErr("subject", s.Subject, "no such entity")
	}
	var ot string
	if s.Object != "" {
		if ot, ok = typeOf(s.Object); !ok {
			return fieldErr("object", s.Object, "no such entity")
		}
	}
	switch s.Kind {
	case KindRelation:
		p, ok := LookupPredicate(s.Predicate)
		if !ok {
			return fieldErr("predicate", s.Predicate, "unknown predicate")
		}
		if s.Object == "" {
			return fieldErr("object", "", "a relation needs an object entity")
		}
		if !allowed(p, st, ot) {
			return fieldErr("predicate", s.Predicate, "does not link a %s (%s) to a %s (%s); allowed: %s → %s",
				st, s.Subject, ot, s.Object, strings.Join(p.Subjects, "|"), strings.Join(p.Objects, "|"))
		}
	case KindEvent:
		if !IsEventKind(s.Predicate) {
			return fieldErr("kind", s.Predicate, "unknown event kind (want one of %s)", strings.Join(EventKinds, ", "))
		}
		if !ValidDate(s.Date) {
			return fieldErr("date", s.Date, "an event needs an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
		}
	case KindMetric:
		if !IsMetric(s.Predicate) {
			return fieldErr("metric", s.Predicate, "unknown metric")
		}
		if _, ok := s.Number(); !ok && len(s.Value) > 0 {
			return fieldErr("value", string(s.Value), "a metric value must be a number")
		}
		if len(s.Value) == 0 && s.ChangePercent == nil {
			return fieldErr("value", "", "a metric needs a value or a change_percent")
		}
		if s.Unit == "" {
			return fieldErr("unit", "", "a metric needs a unit")
		}
		if s.Qualifier != "" && !contains(MetricQualifiers, s.Qualifier) {
			return fieldErr("qualifier", s.Qualifier, "unknown qualifier (want one of %s)", strings.Join(MetricQualifiers, ", "))
		}
		if s.Period != "" && !ValidDate(s.Period) {
			return fieldErr("period", s.Period, "not an ISO date")
		}
	case KindAttribute:
		if s.Predicate == "" {
			return fieldErr("predicate", "", "an attribute needs a name")
		}
		if len(s.Value) == 0 {
			return fieldErr("value", "", "an attribute needs a value")
		}
	default:
		return fieldErr("kind", s.Kind, "unknown statement kind (want relation, event, metric or attribute)")
	}
	if s.Date != "" && !ValidDate(s.Date) {
		return fieldErr("date", s.Date, "not an ISO date")
	}
	return nil
}

func allowed(p Predicate, st, ot string) bool {
	if contains(p.Subjects, st) && contains(p.Objects, ot) {
		return true
	}
	return p.Symmetric && contains(p.Subjects, ot) && contains(p.Objects, st)
}
