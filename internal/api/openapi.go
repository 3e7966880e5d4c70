package api

import (
	"net/http"
	"strings"
)

type obj = map[string]any

func str(desc string) obj { return obj{"type": "string", "description": desc} }
func ref(name string) obj { return obj{"$ref": "#/components/schemas/" + name} }
func arr(items obj) obj   { return obj{"type": "array", "items": items} }
func props(p obj, req ...string) obj {
	o := obj{"type": "object", "properties": p}
	if len(req) > 0 {
		o["required"] = req
	}
	return o
}

var qualifierProps = obj{
	"role": str("relation: a position held"), "date": str("relation or event: ISO date"),
	"duration": str("relation: how long"), "amount": str("relation: a sum invested or granted"),
	"unit": str("metric: count, percent, HKD, USD, minutes, ..."), "qualifier": str("metric: exact, more_than, about, ..."),
	"period": str("metric: the date the value holds for"), "change_percent": obj{"type": "number"},
	"base_period": str("metric: the period a change is measured from"),
}

func withQualifiers(p obj) obj {
	for k, v := range qualifierProps {
		p[k] = v
	}
	return p
}

// schemas are the components every route's documentation refers to.
func schemas() obj {
	alias := props(obj{"value": str(""), "lang": str("en, zh-Hant, zh-Hans, ..."), "kind": str("label, alias or acronym")}, "value")
	entity := props(obj{
		"id": str("internal ID"), "type": obj{"type": "string", "enum": []string{"organization", "person", "place", "facility", "product", "programme", "sector"}},
		"category": str("organizations: company, startup, university, ...; places: country, city, ..."),
		"name":     str("canonical name"), "aliases": arr(alias),
		"identifiers": obj{"type": "object", "additionalProperties": obj{"type": "string"}, "description": "scheme → value (ror, wikidata, website, ...)"},
		"merged_into": str("set on a merged entity"), "created_at": obj{"type": "string", "format": "date-time"},
	}, "id", "type", "name")
	source := props(obj{"id": str(""), "kind": obj{"type": "string", "enum": []string{"document", "dataset", "edit"}},
		"title": str(""), "url": str(""), "published": str("ISO date"), "sha256": str("of a document's text"),
		"version": str("of a dataset"), "author": str("of an edit"), "recorded_at": obj{"type": "string", "format": "date-time"}}, "id", "kind")
	statement := props(withQualifiers(obj{
		"id": str("content hash"), "seq": obj{"type": "integer", "description": "change sequence number (statement lists)"},
		"kind":      obj{"type": "string", "enum": []string{"relation", "event", "metric", "attribute"}},
		"direction": str("out: the entity is the subject; in: the entity is the object"),
		"subject":   str(""), "subject_name": str(""), "predicate": str("predicate, event kind, metric or attribute name"),
		"object": str("entity ID (relations)"), "object_name": str(""), "object_type": str(""),
		"value":  obj{"description": "metric number or attribute text"},
		"source": ref("Source"), "evidence": str("the sentence or record the fact was read from"),
		"recorded_at": obj{"type": "string", "format": "date-time"}, "retracted_at": obj{"type": "string", "format": "date-time"},
	}), "id", "kind", "subject", "predicate", "source")
	meta := props(obj{"count": obj{"type": "integer"}, "next_cursor": str("pass as cursor (entities) or since (statements) for the next page")}, "count")
	node := props(obj{"id": str(""), "name": str(""), "type": str(""), "category": str(""),
		"regions": str("hk, mainland, abroad, joined by +"), "score": obj{"type": "number"}, "degree": obj{"type": "integer"}}, "id", "name")
	netEdge := props(obj{"from": str(""), "to": str(""), "predicate": str(""), "regions": str("set on cross-border relations")}, "from", "to", "predicate")
	group := props(obj{"key": str(""), "name": str("the entity's name when key is an entity ID"), "count": obj{"type": "integer"}})
	return obj{
		"Error":     props(obj{"error": props(obj{"code": str("machine-readable"), "message": str("what is wrong")}, "code", "message")}, "error"),
		"Health":    props(obj{"status": str("ok"), "seq": obj{"type": "integer"}, "version": str("")}),
		"Stats":     props(obj{"entities": obj{"type": "integer"}, "statements": obj{"type": "integer"}, "sources": obj{"type": "integer"}, "retracted": obj{"type": "integer"}, "merged": obj{"type": "integer"}, "by_type": obj{"type": "object"}, "by_kind": obj{"type": "object"}}),
		"Alias":     alias,
		"Source":    source,
		"Statement": statement,
		"Entity": obj{"allOf": []obj{entity, props(obj{"statements": arr(ref("Statement")),
			"merged_from": arr(props(obj{"from": str(""), "into": str(""), "reason": str("the features that matched"), "score": obj{"type": "number"}}))})}},
		"EntityList":    props(obj{"meta": meta, "results": arr(entity), "group_by": arr(group)}, "meta"),
		"StatementList": props(obj{"meta": meta, "results": arr(ref("Statement"))}, "meta", "results"),
		"SourceList":    props(obj{"meta": meta, "results": arr(ref("Source"))}, "meta", "results"),
		"Graph": props(obj{"center": str(""), "depth": obj{"type": "integer"}, "truncated": obj{"type": "boolean"},
			"nodes": arr(props(obj{"id": str(""), "name": str(""), "type": str(""), "category": str(""), "depth": obj{"type": "integer"}})),
			"edges": arr(props(obj{"id": str("statement ID"), "source": str(""), "target": str(""), "predicate": str("")}))}),
		"NewEntity": props(obj{"type": str(""), "category": str(""), "name": str(""), "aliases": arr(alias),
			"identifiers": obj{"type": "object", "additionalProperties": obj{"type": "string"}}}, "type", "name"),
		"NewStatements": props(obj{"source": ref("Source"), "statements": arr(props(withQualifiers(obj{
			"kind": str("relation (default), event, metric or attribute"), "subject": str(""), "predicate": str(""),
			"object": str(""), "value": obj{}, "evidence": str("")}), "subject", "predicate"))}, "statements"),
		"NewMerge":  props(obj{"from": str(""), "into": str(""), "reason": str("")}, "from", "into"),
		"Added":     props(obj{"added": obj{"type": "integer"}, "ids": arr(str("")), "source": str("")}),
		"Retracted": props(obj{"id": str(""), "retracted_at": obj{"type": "string", "format": "date-time"}}),
		"Document": props(obj{"text": str("the article, plain text"), "published": str("YYYY-MM-DD: anchors dates such as \"February\""),
			"url": str(""), "title": str("")}, "text"),
		"Extraction": props(obj{"document": obj{"type": "object"}, "entities": arr(obj{"type": "object"}), "relations": arr(obj{"type": "object"}),
			"events": arr(obj{"type": "object"}), "metrics": arr(obj{"type": "object"})}, "entities", "relations", "events", "metrics"),
		"Ingested": props(obj{"extraction": ref("Extraction"), "source": str("the document's source ID"),
			"entities": obj{"type": "object", "additionalProperties": obj{"type": "string"}, "description": "extraction ID → stored entity ID"},
			"created":  arr(str("entities new to the store")), "statements": arr(str("statement IDs")),
			"added":   obj{"type": "integer", "description": "statements new to the store"},
			"skipped": arr(str("facts the ontology rejected after resolution, and why"))}),
		"IndicatorList": props(obj{"meta": meta, "results": arr(props(obj{"subject": str(""), "subject_name": str(""),
			"object": str("second entity (e.g. travel_time to)"), "metric": str(""), "unit": str(""),
			"points": arr(props(obj{"period": str(""), "value": obj{"type": "number"}, "qualifier": str(""),
				"change_percent": obj{"type": "number", "description": "as a source reported it"}, "base_period": str(""),
				"yoy_percent": obj{"type": "number", "description": "computed from the previous year's value"},
				"statement":   str(""), "source": obj{"type": "object"}, "evidence": str(""),
				"conflicts": arr(obj{"type": "object"})}))}))}, "meta", "results"),
		"Ranking": props(obj{"meta": obj{"type": "object"}, "results": arr(node)}, "meta", "results"),
		"Communities": props(obj{"meta": obj{"type": "object", "description": "count, communities, modularity"},
			"results": arr(props(obj{"community": obj{"type": "integer"}, "size": obj{"type": "integer"},
				"types": obj{"type": "object"}, "members": arr(node)}))}, "meta", "results"),
		"Bridges": props(obj{"meta": obj{"type": "object"}, "results": arr(obj{"allOf": []obj{node, props(obj{
			"cross_edges": obj{"type": "integer"}, "brokerage": obj{"type": "integer"}, "reaches": str("regions its relations reach")})}}),
			"edges": arr(netEdge)}, "meta", "results"),
		"Paths": props(obj{"meta": obj{"type": "object"}, "results": arr(props(obj{"length": obj{"type": "integer"},
			"steps": arr(obj{"allOf": []obj{node, props(obj{"predicate": str("the relation to the next step"),
				"forward": obj{"type": "boolean", "description": "this entity is the relation's subject"}})}})}))}, "meta", "results"),
		"Network": props(obj{"meta": obj{"type": "object"}, "nodes": arr(obj{"allOf": []obj{node, props(obj{"community": obj{"type": "integer"}})}}),
			"edges": arr(netEdge)}, "meta", "nodes", "edges"),
		"OpenAPI": obj{"type": "object"},
		"Any":     obj{},
	}
}

// Document returns the OpenAPI 3.1 document of the server's routes.
func (s *Server) Document() obj {
	paths := obj{}
	errResp := obj{"description": "error", "content": obj{"application/json": obj{"schema": ref("Error")}}}
	for _, rt := range s.routes {
		op := obj{"summary": rt.Summary, "operationId": operationID(rt)}
		var params []obj
		for _, p := range rt.Params {
			params = append(params, obj{"name": p.Name, "in": p.In, "required": p.Required || p.In == "path",
				"description": p.Description, "schema": obj{"type": p.Type}})
		}
		if params != nil {
			op["parameters"] = params
		}
		if rt.Body != "" {
			op["requestBody"] = obj{"required": true, "content": obj{"application/json": obj{"schema": ref(rt.Body)}}}
		}
		resp := rt.Response
		if resp == "" {
			resp = "Any"
		}
		op["responses"] = obj{"200": obj{"description": "success", "content": obj{"application/json": obj{"schema": ref(resp)}}}, "default": errResp}
		if rt.Scope != "" {
			op["security"] = []obj{{"bearer": []string{rt.Scope}}}
			op["description"] = "Needs a token with the " + rt.Scope + " scope."
		}
		item, _ := paths[rt.Path].(obj)
		if item == nil {
			item = obj{}
			paths[rt.Path] = item
		}
		item[strings.ToLower(rt.Method)] = op
	}
	return obj{
		"openapi": "3.1.0",
		"info": obj{"title": "hkin API", "version": s.cfg.Version,
			"description": "The Hong Kong Innovation Network: a sourced knowledge graph of the innovation ecosystem. Reads are public; writes need a bearer token."},
		"paths": paths,
		"components": obj{"schemas": schemas(),
			"securitySchemes": obj{"bearer": obj{"type": "http", "scheme": "bearer"}}},
	}
}

func operationID(rt Route) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(rt.Method))
	for _, part := range strings.FieldsFunc(rt.Path, func(r rune) bool { return r == '/' || r == '{' || r == '}' || r == '.' || r == '_' }) {
		if part == "api" || part == "v1" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) error {
	return WriteJSON(w, s.Document())
}
