package schema

import (
	"encoding/json"
	"strconv"
	"strings"
)

// The bodies of CSDL's actions and functions, as the published OpenAPI
// documents declare them inline under paths: an action's parameters (but
// the binding one) are its request body, a return type is the response
// body's value. They are handed to the body reader as components
// (requestBodies, responses) under the names the published documents'
// bodies get: the binding type (ServiceUpdateMessageCollection for a
// collection of serviceUpdateMessage) and the operation, then Request or
// Response.

// operationBodies returns the request bodies and responses of every action
// and function, by the Go name of their schema; the same name with another
// shape gets a number, as the body reader numbers the inline bodies of
// paths.
func (c *csdlConverter) operationBodies() (requests, responses map[string]any) {
	requests, responses = map[string]any{}, map[string]any{}
	for _, s := range c.doc.Schemas {
		for _, op := range s.Operations {
			name := c.operationGoName(s, op)
			if op.Action {
				if params := c.parameterSchema(s, op); params != nil {
					addBody(requests, name+"Request", map[string]any{"description": "Action parameters", "content": jsonContent(params)})
				}
			}
			if op.ReturnType != nil {
				if result := c.resultSchema(s, op); result != nil {
					addBody(responses, name+"Response", map[string]any{"description": "Success", "content": jsonContent(result)})
				}
			}
		}
	}
	return requests, responses
}

func jsonContent(schema any) map[string]any {
	return map[string]any{"application/json": map[string]any{"schema": schema}}
}

// addBody adds a body under name, or under name2, name3, … when another
// shape has it.
func addBody(bodies map[string]any, name string, body any) {
	data, _ := json.Marshal(body)
	for n := 1; ; n++ {
		key := name
		if n > 1 {
			key += strconv.Itoa(n)
		}
		have, taken := bodies[key]
		if !taken {
			bodies[key] = body
			return
		}
		if other, _ := json.Marshal(have); string(other) == string(data) {
			return
		}
	}
}

// operationGoName names an operation's bodies: the binding type's Go name
// (with Collection for a collection of it) and the operation's, or the
// operation's alone when it is unbound.
func (c *csdlConverter) operationGoName(s *csdlSchema, op *csdlOperation) string {
	name := typeGoName(s.Namespace + "." + op.Name)
	if !op.IsBound || len(op.Parameters) == 0 {
		return name
	}
	coll, full := c.resolve(op.Parameters[0].Type)
	binding := typeGoName(full)
	if coll {
		binding += "Collection"
	}
	return binding + name
}

// parameterSchema is an action's request body: an object of its parameters
// but the binding one; nil without any.
func (c *csdlConverter) parameterSchema(s *csdlSchema, op *csdlOperation) map[string]any {
	params := op.Parameters
	if op.IsBound && len(params) > 0 {
		params = params[1:]
	}
	if len(params) == 0 {
		return nil
	}
	owner := &csdlNamed{full: s.Namespace + "." + op.Name}
	props := map[string]any{}
	for _, p := range params {
		props[p.Name] = c.propertySchema(owner, p)
	}
	return map[string]any{"type": "object", "properties": props, "additionalProperties": map[string]any{"type": "object"}}
}

// resultSchema is a response body: {"value": …} for a primitive or enum or
// a collection of anything (with @odata.nextLink for a function, which
// pages); nil for a single entity or complex value, which the published
// documents refer to rather than declare inline.
func (c *csdlConverter) resultSchema(s *csdlSchema, op *csdlOperation) map[string]any {
	coll, full := c.resolve(op.ReturnType.Type)
	if t := c.types[full]; !coll && t != nil && t.typ != nil {
		return nil
	}
	owner := &csdlNamed{full: s.Namespace + "." + op.Name}
	value := c.propertySchema(owner, &csdlProperty{Name: "value", Type: op.ReturnType.Type, Nullable: op.ReturnType.Nullable, at: op.ReturnType.at})
	props := map[string]any{"value": value}
	out := map[string]any{"type": "object", "properties": props, "additionalProperties": map[string]any{"type": "object"}}
	if coll && !op.Action {
		props["@odata.nextLink"] = map[string]any{"type": "string", "nullable": true}
		short := full[strings.LastIndexByte(full, '.')+1:]
		if strings.HasPrefix(full, "Edm.") {
			short = full
		}
		out["title"] = "Collection of " + short
	}
	return out
}
