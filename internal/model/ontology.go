// Package model holds hkin's vocabulary: entities, statements, sources and the ontology
// (types, categories, predicates, event kinds and metrics) with the validation that guards them.
package model

// Entity types of the ontology.
const (
	Organization = "organization"
	Person       = "person"
	Place        = "place"
	Facility     = "facility"
	Product      = "product"
	Programme    = "programme"
	Sector       = "sector"
)

// EntityTypes lists the seven entity types in display order.
var EntityTypes = []string{Organization, Person, Place, Facility, Product, Programme, Sector}

// OrganizationCategories are the allowed categories of an organization.
var OrganizationCategories = []string{
	"company", "startup", "university", "research_institute",
	"government", "association", "investor", "park_operator",
}

// PlaceCategories are the allowed categories of a place.
var PlaceCategories = []string{"country", "region", "province", "city", "district", "zone", "pseudo"}

// EventKinds are the kinds of dated events.
var EventKinds = []string{"founded", "opened", "launched", "completed", "announced", "expanded", "closed"}

// Metrics are the names of quantitative statements.
var Metrics = []string{
	"startup_count", "startup_employment", "company_count", "researcher_count",
	"employee_count", "investment", "funding", "revenue", "travel_time", "area",
	"patent_count", "user_count", "computing_power", "office_count", "duration",
}

// Qualifiers of a metric value.
var MetricQualifiers = []string{"exact", "more_than", "at_least", "less_than", "up_to", "about", "within"}

// Attributes are the names of free-text attribute statements.
var Attributes = []string{"description", "status", "website", "established", "note"}

// Predicate describes one relation of the ontology.
type Predicate struct {
	Name      string
	Subjects  []string // allowed subject types
	Objects   []string // allowed object types
	Symmetric bool
	Inverse   string // how the relation reads from the object's side, for display
}

// Predicates is the ontology's relation table.
var Predicates = []Predicate{
	{Name: "located_in", Subjects: []string{Organization, Facility, Product}, Objects: []string{Place}, Inverse: "location_of"},
	{Name: "part_of", Subjects: []string{Place, Organization, Facility}, Objects: []string{Place, Organization, Facility}, Inverse: "has_part"},
	{Name: "holds_position", Subjects: []string{Person}, Objects: []string{Organization, Place}, Inverse: "position_held_by"},
	{Name: "founded", Subjects: []string{Person, Organization}, Objects: []string{Organization}, Inverse: "founded_by"},
	{Name: "visited", Subjects: []string{Person}, Objects: []string{Place, Organization, Facility}, Inverse: "visited_by"},
	{Name: "met_with", Subjects: []string{Person}, Objects: []string{Person, Organization}, Inverse: "met_with"},
	{Name: "operates", Subjects: []string{Organization}, Objects: []string{Facility}, Inverse: "operated_by"},
	{Name: "operates_in", Subjects: []string{Organization, Product}, Objects: []string{Place}, Inverse: "market_of"},
	{Name: "produces", Subjects: []string{Organization}, Objects: []string{Product}, Inverse: "produced_by"},
	{Name: "made_in", Subjects: []string{Product}, Objects: []string{Place}, Inverse: "makes"},
	{Name: "exports_to", Subjects: []string{Organization, Product}, Objects: []string{Place}, Inverse: "imports_from"},
	{Name: "hosts", Subjects: []string{Facility, Place}, Objects: []string{Organization}, Inverse: "hosted_by"},
	{Name: "focuses_on", Subjects: []string{Organization, Facility, Programme, Product}, Objects: []string{Sector}, Inverse: "focus_of"},
	{Name: "partners_with", Subjects: []string{Organization, Place}, Objects: []string{Organization, Place}, Symmetric: true, Inverse: "partners_with"},
	{Name: "funds", Subjects: []string{Organization, Programme}, Objects: []string{Organization, Programme}, Inverse: "funded_by"},
	{Name: "publishes", Subjects: []string{Organization}, Objects: []string{Programme}, Inverse: "published_by"},
	// A body that administers a scheme, fund or programme (ITC runs the Innovation and Technology Fund).
	{Name: "runs", Subjects: []string{Organization}, Objects: []string{Programme}, Inverse: "run_by"},
	{Name: "invested_in", Subjects: []string{Organization, Person}, Objects: []string{Organization}, Inverse: "investor"},
	// Kept from registries such as ROR: an organisation that continued another.
	{Name: "succeeded", Subjects: []string{Organization}, Objects: []string{Organization}, Inverse: "succeeded_by"},
}

var predicateIndex = func() map[string]*Predicate {
	m := make(map[string]*Predicate, len(Predicates))
	for i := range Predicates {
		m[Predicates[i].Name] = &Predicates[i]
	}
	return m
}()

// LookupPredicate returns the ontology's definition of a relation predicate.
func LookupPredicate(name string) (Predicate, bool) {
	p, ok := predicateIndex[name]
	if !ok {
		return Predicate{}, false
	}
	return *p, true
}

// IsEntityType reports whether t is one of the seven entity types.
func IsEntityType(t string) bool { return contains(EntityTypes, t) }

// IsEventKind reports whether k is an event kind.
func IsEventKind(k string) bool { return contains(EventKinds, k) }

// IsMetric reports whether m is a metric name.
func IsMetric(m string) bool { return contains(Metrics, m) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
