import BailiwickReports

/// The API's OpenAPI 3.1 description, served at `/openapi.json`. The server tests check every
/// operation's responses against it, so a change to one without the other fails.
enum OpenAPIDocument {
    /// The error codes as a JSON list's items.
    private static let errorCodes = ErrorCode.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")

    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Bailiwick",
            "version": "1.0.0",
            "summary": "Scope-of-practice and case-file checks for legal technicians, from cited rule packs.",
            "description": "An optional query parameter given empty (as a web form sends a field left blank) counts \#
        as not given. Every answer names the rules and citations it rests on and how well each is verified (primary, \#
        official-summary, secondary, unverified). Bailiwick is a checking aid, not legal advice. When the server was \#
        started with BAILIWICK_TOKEN, every request needs the header 'Authorization: Bearer TOKEN' (a caseload feed \#
        may carry its feed token instead). Matter data is held only for the request that audits it, but for the \#
        caseload that serve --caseload reads and keeps audited in memory. A yes-or-no parameter takes true or false \#
        (also yes/no, on/off, 1/0); any other value is refused with 400. A method an address does not take is \#
        answered 405 with an Allow header and an Error body; HEAD is answered wherever GET is. A connection that does \#
        not send its request head within 10 seconds (of connecting or of its first byte), its body within 60, or a \#
        next request within 60, is closed (serve --header-timeout, --body-timeout, --idle-timeout)."
          },
          "servers": [{"url": "/"}],
          "security": [{}, {"token": []}],
          "paths": {
            "/v1/packs": {
              "get": {
                "operationId": "listPacks",
                "summary": "Jurisdictions, actions, practice areas, facts and events of the loaded packs.",
                "responses": {
                  "200": {"description": "The catalogs.", "content": {"application/json": {"schema": {"$ref": \#
        "#/components/schemas/Packs"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              }
            },
            "/v1/packs/{jurisdiction}": {
              "get": {
                "operationId": "getJurisdiction",
                "summary": "A jurisdiction and what applies there: licences, areas, facts, rules, deadlines, matter \#
        types.",
                "parameters": [{"name": "jurisdiction", "in": "path", "required": true, "schema": {"type": "string"}, \#
        "example": "us-wa"}],
                "responses": {
                  "200": {"description": "The jurisdiction's pack.", "content": {"application/json": {"schema": \#
        {"$ref": "#/components/schemas/Jurisdiction"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"description": "No such jurisdiction.", "content": {"application/json": {"schema": {"$ref": \#
        "#/components/schemas/Error"}}}}
                }
              }
            },
            "/v1/check": {
              "get": {
                "operationId": "check",
                "summary": "May this licence take this action, in this matter, on this date?",
                "parameters": [
                  {"name": "jurisdiction", "in": "query", "required": true, "schema": {"type": "string"}, "example": \#
        "us-wa"},
                  {"name": "license", "in": "query", "required": true, "schema": {"type": "string"}, "example": "lllt"},
                  {"name": "action", "in": "query", "required": true, "schema": {"type": "string"},
                    "example": "negotiate"},
                  {"name": "area", "in": "query", "allowEmptyValue": true, "schema": {"type": "string"},
                    "description": "The matter's practice area; may be left out when the licence covers one."},
                  {"name": "holds", "in": "query", "allowEmptyValue": true, "schema": {"type": "string"},
                    "example": "family,debt-collection",
                   "description": "The areas (or endorsements) the licence is held in, comma-separated; \#
        left out, every area it offers."},
                  {"name": "on", "in": "query", "allowEmptyValue": true, "schema": {"type": "string",
                    "format": "date"}, "description": "The date of the action (default: today in UTC)."},
                  {"name": "fact", "in": "query", "allowEmptyValue": true, "schema": {"type": "array",
                    "items": {"type": "string"}}, "style": "form", "explode": true,
                   "description": "A matter fact, id=value; repeat for several. An empty list value (issues=) \#
        means none.", "example": ["written-consent-to-negotiate=true"]}
                ],
                "responses": {
                  "200": {"description": "The decision, with the rules, conditions and citations behind it.", \#
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Decision"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              }
            },
            "/v1/deadlines": {
              "get": {
                "operationId": "computeDeadline",
                "summary": "A named deadline, or an ad-hoc period counted by the jurisdiction's time rule, with each \#
        step.",
                "parameters": [
                  {"name": "jurisdiction", "in": "query", "required": true, "schema": {"type": "string"}, "example": \#
        "us"},
                  {"name": "from", "in": "query", "required": true, "schema": {"type": "string", "format": "date"}, \#
        "example": "2026-01-09"},
                  {"name": "rule", "in": "query", "allowEmptyValue": true, "schema": {"type": "string"}, \#
        "description": "A named deadline; give exactly one of rule, days and hours."},
                  {"name": "days", "in": "query", "allowEmptyValue": true,
                    "schema": {"type": "integer", "minimum": \#(DeadlineRequest.days.lowerBound),
                    "maximum": \#(DeadlineRequest.days.upperBound)}},
                  {"name": "hours", "in": "query", "allowEmptyValue": true,
                    "schema": {"type": "integer", "minimum": \#(DeadlineRequest.hours.lowerBound),
                    "maximum": \#(DeadlineRequest.hours.upperBound)}},
                  {"name": "at", "in": "query", "allowEmptyValue": true, "schema": {"type": "string", "pattern": \#
        "^[0-9]{2}:[0-9]{2}$"}, "description": "The time of the trigger, for periods in hours."},
                  {"name": "court-days", "in": "query", "allowEmptyValue": true, "schema": {"type": "boolean"}},
                  {"name": "before", "in": "query", "allowEmptyValue": true, "schema": {"type": "boolean"}},
                  {"name": "service", "in": "query", "allowEmptyValue": true, "schema": {"$ref": \#
        "#/components/schemas/ServiceMethod"}},
                  {"name": "time-rule", "in": "query", "allowEmptyValue": true, "schema": {"type": "string"}},
                  {"name": "fact", "in": "query", "allowEmptyValue": true, "schema": {"type": "array", "items": \#
        {"type": "string"}}, "style": "form", "explode": true},
                  {"name": "format", "in": "query", "allowEmptyValue": true, "schema": {"type": "string", "enum": \#
        ["json", "ics"], "default": "json"}}
                ],
                "responses": {
                  "200": {"description": "The deadline with its trace, as JSON or as an iCalendar file.", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Deadlines"}},
                    "text/calendar": {"schema": {"type": "string"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "422": {"$ref": "#/components/responses/NotComputable"}
                }
              }
            },
            "/v1/holidays": {
              "get": {
                "operationId": "listHolidays",
                "summary": "A jurisdiction's court holidays for a year, with the day each is observed.",
                "parameters": [
                  {"name": "jurisdiction", "in": "query", "required": true, "schema": {"type": "string"}, "example": \#
        "us-wa"},
                  {"name": "year", "in": "query", "allowEmptyValue": true,
                    "schema": {"type": "integer", "minimum": \#(HolidaysRequest.years.lowerBound),
                    "maximum": \#(HolidaysRequest.years.upperBound)}, "description": "Default: this year in UTC."}
                ],
                "responses": {
                  "200": {"description": "The holidays.", "content": {"application/json": {"schema": {"$ref": \#
        "#/components/schemas/Holidays"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "422": {"$ref": "#/components/responses/NotComputable"}
                }
              }
            },
            "/v1/quiz": {
              "get": {
                "operationId": "quiz",
                "summary": "Training questions generated from the packs, with the answer key.",
                "parameters": [
                  {"name": "jurisdiction", "in": "query", "allowEmptyValue": true, "schema": {"type": "string"}},
                  {"name": "license", "in": "query", "allowEmptyValue": true, "schema": {"type": "string"}},
                  {"name": "topic", "in": "query", "allowEmptyValue": true, "schema": {"type": "array", "items": \#
        {"type": "string", "enum": ["scope", "conditions", "forms", "deadlines", "citations", "procedure"]}}, \#
        "style": "form", \#
        "explode": true},
                  {"name": "count", "in": "query", "allowEmptyValue": true,
                    "schema": {"type": "integer", "minimum": \#(QuizRequest.counts.lowerBound),
                    "maximum": \#(QuizRequest.counts.upperBound), "default": \#(QuizRequest.defaultCount)}},
                  {"name": "seed", "in": "query", "allowEmptyValue": true,
                    "schema": {"type": "integer", "minimum": \#(QuizRequest.seeds.lowerBound),
                    "maximum": \#(QuizRequest.seeds.upperBound)},
                    "description": "The same seed gives the same quiz; default: a new one, returned."},
                  {"name": "as-of", "in": "query", "allowEmptyValue": true, "schema": {"type": "string", \#
        "format": "date"}, "description": "The day the quiz is set on (default: today in UTC)."},
                  {"name": "format", "in": "query", "allowEmptyValue": true, "schema": {"type": "string", \#
        "enum": ["json", "gift", "moodle-xml"], "default": "json"}, "description": "json: the quiz with its \#
        answer key; gift and moodle-xml: the question bank, as a download."}
                ],
                "responses": {
                  "200": {"description": "The quiz.", "content": {"application/json": {"schema": {"$ref": \#
        "#/components/schemas/Quiz"}}, "text/plain": {"schema": {"type": "string"}}, "application/xml": \#
        {"schema": {"type": "string"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "422": {"$ref": "#/components/responses/NotComputable"}
                }
              }
            },
            "/v1/audit": {
              "post": {
                "operationId": "audit",
                "summary": "Audit one matter file: scope of every action, licence status, required forms, deadlines \#
        and waiting periods.",
                "parameters": [
                  {"name": "format", "in": "query", "allowEmptyValue": true, "schema": {"type": "string", "enum": \#
        ["json", "html", "ics", "text"], "default": "json"}},
                  {"name": "as-of", "in": "query", "allowEmptyValue": true, "schema": {"type": "string", "format": \#
        "date"}, "description": "Default: the file's as-of, else today in UTC."},
                  {"name": "horizon", "in": "query", "allowEmptyValue": true,
                    "schema": {"type": "integer", "minimum": \#(AuditRequest.horizons.lowerBound),
                    "maximum": \#(AuditRequest.horizons.upperBound), "default": \#(AuditRequest.defaultHorizon)}},
                  {"name": "redact", "in": "query", "allowEmptyValue": true, "schema": {"type": "boolean"}, \#
        "description": "Replace names and free text with stable placeholders. A value that is not a clear yes or no \#
        is refused (400), never read as no."}
                ],
                "requestBody": {
                  "required": true,
                  "description": "The matter file (YAML or JSON; see docs/matter-format.md).",
                  "content": {"application/yaml": {"schema": {"type": "string"}}, "application/json": {"schema": \#
        {"type": "object"}}, "text/plain": {"schema": {"type": "string"}}}
                },
                "responses": {
                  "200": {"description": "The audit report.", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/AuditReport"}},
                    "text/html": {"schema": {"type": "string"}},
                    "text/calendar": {"schema": {"type": "string"}},
                    "text/plain": {"schema": {"type": "string"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "413": {"description": "The matter file is larger than the server accepts \#
        (BAILIWICK_MAX_FILE_BYTES, 8 MiB by default); refused before it is parsed.", "content": {"application/json": \#
        {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "422": {"description": "The matter file cannot be read; the problems name lines, columns and keys; \#
        a value is named only when it is the unknown or duplicate id at fault.",
                          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MatterProblems"}}}},
                  "500": {"description": "The server runs with an audit journal (serve --journal) and could not \#
        record this audit; no report is served unrecorded.", "content": {"application/json": {"schema": \#
        {"$ref": "#/components/schemas/Error"}}}},
                  "503": {"description": "The server is auditing as many matters as it admits at once; try again (see \#
        Retry-After).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                }
              }
            },
            "/caseload": {
              "get": {
                "operationId": "caseloadPage",
                "summary": "Served with serve --caseload DIR: the supervisor's desk, a page of every matter of the \#
        caseload with its worst finding and what is due this week and next, by person or supervising lawyer.",
                "parameters": [
                  {"name": "jurisdiction", "in": "query", "allowEmptyValue": true, "schema": {"type": "string"}},
                  {"name": "type", "in": "query", "allowEmptyValue": true, "schema": {"type": "string"}, \#
        "description": "A matter type's id."},
                  {"name": "person", "in": "query", "allowEmptyValue": true, "schema": {"type": "string"}, \#
        "description": "A technician's id, as the page's links give it."},
                  {"name": "lawyer", "in": "query", "allowEmptyValue": true, "schema": {"type": "string"}, \#
        "description": "A supervising lawyer's id, as the page's links give it."},
                  {"name": "severity", "in": "query", "allowEmptyValue": true, "schema": {"type": "string", \#
        "enum": ["error", "warning", "note", "none"]}, "description": "The matter's worst finding."},
                  {"name": "group", "in": "query", "allowEmptyValue": true, "schema": {"type": "string", \#
        "enum": ["person", "lawyer", "none"], "default": "person"}},
                  {"name": "redact", "in": "query", "allowEmptyValue": true, "schema": {"type": "boolean"}, \#
        "description": "Hide people's names and matters' titles."}
                ],
                "responses": {
                  "200": {"$ref": "#/components/responses/Page"},
                  "400": {"$ref": "#/components/responses/PageBadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/PageForbidden"}
                }
              }
            },
            "/caseload/matter/{id}": {
              "get": {
                "operationId": "caseloadMatterPage",
                "summary": "Served with serve --caseload DIR: a matter's full audit report, as of the caseload's date.",
                "parameters": [
                  {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "example": \#
        "OR-2026-0214"},
                  {"name": "redact", "in": "query", "allowEmptyValue": true, "schema": {"type": "boolean"}}
                ],
                "responses": {
                  "200": {"$ref": "#/components/responses/Page"},
                  "400": {"$ref": "#/components/responses/PageBadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/PageForbidden"},
                  "404": {"$ref": "#/components/responses/PageNotFound"}
                }
              }
            },
            "/caseload/calendar.ics": {
              "get": {
                "operationId": "caseloadCalendar",
                "summary": "Served with serve --caseload DIR: the caseload's deadlines, waiting periods and form due \#
        dates as a calendar to subscribe to (docs/calendar.md).",
                "security": [{}, {"token": []}, {"feedToken": []}],
                "responses": {
                  "200": {"$ref": "#/components/responses/Calendar"},
                  "400": {"$ref": "#/components/responses/PageBadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/PageForbidden"}
                }
              }
            },
            "/caseload/people/{person}/calendar.ics": {
              "get": {
                "operationId": "caseloadPersonCalendar",
                "summary": "Served with serve --caseload DIR: the calendar of the matters one person works on, as \#
        technician or supervising lawyer.",
                "security": [{}, {"token": []}, {"feedToken": []}],
                "parameters": [
                  {"name": "person", "in": "path", "required": true, "schema": {"type": "string"}, \#
        "description": "The person's id, as the caseload page's links give it (the example is Renata Kowal's in \#
        Examples/caseload).", "example": "pd71fc40fd5dc"}
                ],
                "responses": {
                  "200": {"$ref": "#/components/responses/Calendar"},
                  "400": {"$ref": "#/components/responses/PageBadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/PageForbidden"},
                  "404": {"$ref": "#/components/responses/PageNotFound"}
                }
              }
            },
            "/openapi.json": {
              "get": {
                "operationId": "openAPI",
                "summary": "This document.",
                "responses": {
                  "200": {"description": "The OpenAPI document.", "content": {"application/json": {"schema": {"type": \#
        "object"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              }
            }
          },
          "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer", "description": "The server's \#
        BAILIWICK_TOKEN."}, "feedToken": {"type": "apiKey", "in": "query", "name": "feed-token", "description": \#
        "The caseload feeds' own token, derived from BAILIWICK_TOKEN; it opens the feeds only (docs/calendar.md)."}},
            "responses": {
              "Page": {"description": "The page.", "content": {"text/html": {"schema": {"type": "string"}}}},
              "PageBadRequest": {"description": "A parameter is malformed, or the request has no Host header or more \#
        than one; the page says which.", "content": {"text/html": {"schema": {"type": "string"}}}},
              "PageForbidden": {"description": "On loopback, a request addressed to a host name other than localhost \#
        or a loopback address (DNS rebinding).", "content": {"text/html": {"schema": {"type": "string"}}}},
              "PageNotFound": {"description": "Nothing of the caseload has this id.", "content": {"text/html": \#
        {"schema": {"type": "string"}}}},
              "Calendar": {"description": "An iCalendar (RFC 5545) document.", "content": {"text/calendar": \#
        {"schema": {"type": "string"}}}},
              "BadRequest": {"description": "A parameter is missing, malformed or unknown (the message says which, \#
        with a suggestion), or the request has no Host header or more than one.", "content": {"application/json": \#
        {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "NotComputable": {"description": "Every parameter is valid, but no answer can be computed from them \#
        (error code not_computable): a count that ends past the year 9999, a time rule with no version in force on \#
        the trigger date, a quiz with no question for its choices.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Unauthorized": {"description": "The server needs its access token.", "content": {"application/json": \#
        {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Forbidden": {"description": "On loopback, a request addressed to a host name other than localhost or a \#
        loopback address (DNS rebinding); or a POST a browser sent from another site (Sec-Fetch-Site: cross-site, or \#
        an Origin other than this server's).", "content": {"application/json": {"schema": {"$ref": \#
        "#/components/schemas/Error"}}}}
            },
            "schemas": {
              "Error": {"type": "object", "required": ["error"],
                "properties": {"error": {"$ref": "#/components/schemas/ErrorDetail"}}},
              "ErrorDetail": {"type": "object", "required": ["code", "message", "field", "suggestion", "known"],
                "description": "docs/error-codes.md lists the codes. field: the query parameter at fault, or null; \#
        suggestion: the known id (or allowed value) closest to an unknown one, or null; known: every valid id or \#
        value, when the error is about one not among them, else null.",
                "properties": {
                "code": {"type": "string", "enum": [\#(errorCodes)]},
                "message": {"type": "string"}, "field": {"type": ["string", "null"]},
                  "suggestion": {"type": ["string", "null"]},
                  "known": {"type": ["array", "null"], "items": {"type": "string"}}}},
              "ServiceMethod": {"type": "string", "enum": ["personal", "mail", "electronic", "clerk", "consented"]},
              "SourceStatus": {"type": "string", "enum": ["primary", "official-summary", "secondary", "unverified"]},
              "Citation": {"type": "object", "required": ["text", "source", "meaning", "sources"], "properties": {
                "text": {"type": "string"}, "source": {"$ref": "#/components/schemas/SourceStatus"},
                "meaning": {"type": "string", "description": "What the source level means, in plain words."},
                "sources": {"type": "array", "items": {"type": "string"}}}},
              "Evidence": {"type": "object", "required": ["source", "source-title", "source-version", "pinpoint",
                "read", "words"],
                "description": "Where a rule's own text was read: a primary rule has one.", "properties": {
                "source": {"type": "string"}, "source-title": {"type": ["string", "null"]},
                  "source-version": {"type": ["string", "null"]},
                "pinpoint": {"type": "string"}, "read": {"type": "string", "format": "date"},
                "words": {"type": "string", "description": "The operative words, quoted from the rule."}}},
              "Levels": {"type": "object", "required": ["primary", "official-summary", "secondary", "unverified"],
                "description": "How many of the pack's own scope rules stand at each source level.", "properties": {
                "primary": {"type": "integer"}, "official-summary": {"type": "integer"},
                "secondary": {"type": "integer"}, "unverified": {"type": "integer"}}},
              "Period": {"type": "object", "required": ["from", "until"], "properties": {
                "from": {"type": ["string", "null"], "format": "date"},
                "until": {"type": ["string", "null"], "format": "date"}}},
              "Action": {"type": "object", "required": ["id", "title", "description"], "properties": {
                "id": {"type": "string"}, "title": {"type": "string"}, "description": {"type": "string"}}},
              "Area": {"type": "object", "required": ["id", "title", "description"], "properties": {
                "id": {"type": "string"}, "title": {"type": "string"}, "description": {"type": "string"}}},
              "Fact": {"type": "object", "required": ["id", "type", "description", "values"], "properties": {
                "id": {"type": "string"},
                "type": {"type": "string", "enum": ["boolean", "integer", "string", "date", "list"]},
                "description": {"type": "string"}, "values": {"type": ["array", "null"], "items": {"type": "string"}}}},
              "Event": {"type": "object", "required": ["id", "name", "description"], "properties": {
                "id": {"type": "string"}, "name": {"type": "string"}, "description": {"type": "string"}}},
              "JurisdictionSummary": {"type": "object",
                "required": ["id", "name", "country", "reviewed", "levels", "licenses", "capabilities"],
                "properties": {
                  "id": {"type": "string"}, "name": {"type": "string"}, "country": {"type": "string"},
                  "reviewed": {"type": "string", "format": "date"}, "levels": {"$ref": "#/components/schemas/Levels"},
                  "licenses": {"type": "array", "items": {"type": "string"},
                    "description": "Ids of the licences there."},
                  "capabilities": {"type": "array",
                    "items": {"type": "string", "enum": ["scope", "forms", "deadlines", "calendar"]},
                    "description": "What Bailiwick can check there."}}},
              "Source": {"type": "object", "required": ["key", "title", "url", "version"], "properties": {
                "key": {"type": "string"}, "title": {"type": "string"}, "url": {"type": ["string", "null"]},
                "version": {"type": ["string", "null"],
                  "description": "The edition, amendment date or document date read."}}},
              "License": {"type": "object",
                "required": ["id", "jurisdiction", "countries", "title", "governing-rule", "areas", "valid",
                  "admissions-until", "citation", "note"],
                "properties": {
                  "id": {"type": "string"}, "jurisdiction": {"type": ["string", "null"]},
                  "countries": {"type": "array", "items": {"type": "string"}}, "title": {"type": "string"},
                  "governing-rule": {"type": "string"},
                  "areas": {"type": ["string", "array"], "items": {"type": "string"},
                    "description": "\"any\", or area ids."},
                  "valid": {"$ref": "#/components/schemas/Period"},
                  "admissions-until": {"type": ["string", "null"], "format": "date"},
                  "citation": {"$ref": "#/components/schemas/Citation"}, "note": {"type": ["string", "null"]}}},
              "Rule": {"type": "object",
                "required": ["id", "jurisdiction", "summary", "effect", "licenses", "actions", "areas", "when",
                  "requires",
                  "exception-to", "exceptions", "in-force", "citation", "evidence", "remedy", "note"],
                "properties": {
                  "id": {"type": "string"}, "jurisdiction": {"type": ["string", "null"]}, "summary": {"type": "string"},
                  "effect": {"type": "string", "enum": ["permit", "forbid"]},
                  "licenses": {"type": "array", "items": {"type": "string"}},
                  "actions": {"type": ["string", "array"], "items": {"type": "string"},
                    "description": "\"all\", or action ids."},
                  "areas": {"type": ["array", "null"], "items": {"type": "string"}, "description": "Null for every \#
        area."},
                  "when": {"type": ["string", "null"]},
                  "requires": {"type": "array", "items": {"type": "object", "required": ["condition", "description"],
                    "properties": {"condition": {"type": "string"}, "description": {"type": ["string", "null"]}}}},
                  "exception-to": {"type": "array", "items": {"type": "string"}},
                  "exceptions": {"type": "array", "items": {"type": "string"}},
                  "in-force": {"$ref": "#/components/schemas/Period"},
                  "citation": {"$ref": "#/components/schemas/Citation"},
                  "evidence": {"oneOf": [{"$ref": "#/components/schemas/Evidence"}, {"type": "null"}]},
                  "remedy": {"type": ["string", "null"]}, "note": {"type": ["string", "null"]}}},
              "Deadline": {"type": "object",
                "required": ["jurisdiction", "id", "name", "kind", "trigger", "period", "direction", "citation",
                  "variants", "in-force", "dated-by"],
                "properties": {
                  "jurisdiction": {"type": "string"}, "id": {"type": "string"}, "name": {"type": "string"},
                  "kind": {"type": "string", "enum": ["deadline", "waiting-period"]}, "trigger": {"type": "string"},
                  "period": {"type": "string"}, "direction": {"type": "string", "enum": ["after", "before"]},
                  "citation": {"$ref": "#/components/schemas/Citation"},
                  "variants": {"type": "array", "items": {"type": "string"}, "description": "Each variant's \#
        condition."},
                  "in-force": {"$ref": "#/components/schemas/Period"},
                  "dated-by": {"type": ["string", "null"], "description": "The event whose date is checked \#
        against in-force; null for the trigger."}}},
              "MatterType": {"type": "object", "required": ["jurisdiction", "id", "name", "area", "citation", "forms"],
                "properties": {
                  "jurisdiction": {"type": "string"}, "id": {"type": "string"}, "name": {"type": "string"},
                  "area": {"type": "string"}, "citation": {"$ref": "#/components/schemas/Citation"},
                  "forms": {"type": "array", "items": {"type": "string"}, "description": "The forms' codes."}}},
              "Form": {"type": "object",
                "required": ["jurisdiction", "matter-type", "code", "name", "required", "when", "due", "citation",
                  "note"],
                "properties": {
                  "jurisdiction": {"type": "string"}, "matter-type": {"type": "string"}, "code": {"type": "string"},
                  "name": {"type": "string"}, "required": {"type": "boolean"}, "when": {"type": ["string", "null"]},
                  "due": {"oneOf": [{"type": "null"}, {"type": "object",
                    "properties": {"event": {"type": "string"}, "deadline": {"type": "string"}}}]},
                  "citation": {"$ref": "#/components/schemas/Citation"}, "note": {"type": ["string", "null"]}}},
              "Diagnostic": {"type": "object", "required": ["file", "line", "column", "severity", "message"],
                "properties": {
                  "file": {"type": "string"}, "line": {"type": "integer"}, "column": {"type": "integer"},
                  "severity": {"type": "string", "enum": ["error", "warning"]}, "message": {"type": "string"}}},
              "Packs": {"type": "object", "required": ["jurisdictions", "actions", "areas", "facts", "events"],
                "properties": {
                  "jurisdictions": {"type": "array", "items": {"$ref": "#/components/schemas/JurisdictionSummary"}},
                  "actions": {"type": "array", "items": {"$ref": "#/components/schemas/Action"}},
                  "areas": {"type": "array", "items": {"$ref": "#/components/schemas/Area"}},
                  "facts": {"type": "array", "items": {"$ref": "#/components/schemas/Fact"}},
                  "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}}},
              "Jurisdiction": {"type": "object",
                "required": ["id", "name", "country", "reviewed", "levels", "sources", "licenses", "areas", "facts",
                  "rules", "deadlines", "matter-types", "forms"],
                "description": "A jurisdiction and what applies there: each list is what `bailiwick list` gives \#
        for it.",
                "properties": {
                  "id": {"type": "string"}, "name": {"type": "string"}, "country": {"type": "string"},
                  "reviewed": {"type": "string", "format": "date"}, "levels": {"$ref": "#/components/schemas/Levels"},
                  "sources": {"type": "array", "items": {"$ref": "#/components/schemas/Source"}},
                  "licenses": {"type": "array", "items": {"$ref": "#/components/schemas/License"}},
                  "areas": {"type": "array", "items": {"$ref": "#/components/schemas/Area"}},
                  "facts": {"type": "array", "items": {"$ref": "#/components/schemas/Fact"}},
                  "rules": {"type": "array", "items": {"$ref": "#/components/schemas/Rule"}},
                  "deadlines": {"type": "array", "items": {"$ref": "#/components/schemas/Deadline"}},
                  "matter-types": {"type": "array", "items": {"$ref": "#/components/schemas/MatterType"}},
                  "forms": {"type": "array", "items": {"$ref": "#/components/schemas/Form"}}}},
              "Decision": {"type": "object", "required": ["schema-version", "decision", "out-of-scope", "query",
                "conditions", "missing-facts", "rules", "disclaimer"], "properties": {
                "schema-version": {"type": "integer"},
                "decision": {"type": "string", "enum": ["permitted", "conditional", "prohibited", "not-authorized", \#
        "undetermined"]},
                "out-of-scope": {"type": "boolean"},
                "if-uncertain-forbids-do-not-apply": {"type": ["string", "null"]},
                "query": {"type": "object", "required": ["jurisdiction", "license", "action", "date", "facts"], \#
        "properties": {
                  "jurisdiction": {"type": "string"}, "license": {"type": "string"}, "action": {"type": "string"},
                  "area": {"type": ["string", "null"]}, "holds": {"type": ["array", "null"],
                    "items": {"type": "string"}},
                  "date": {"type": "string", "format": "date"}, "facts": {"type": "object"}}},
                "conditions": {"type": "array", "items": {"type": "object", "required": ["rule", "condition",
                  "status"], "properties": {
                  "rule": {"type": "string"}, "condition": {"type": "string"}, "status": {"type": "string",
                    "enum": ["met", "unmet", "unknown"]}}}},
                "missing-facts": {"type": "array", "items": {"type": "string"}},
                "rules": {"type": "array", "items": {"type": "object"}},
                "parameters": {"type": "array", "items": {"type": "object",
                  "required": ["id", "value", "from", "citation"], "properties": {
                  "id": {"type": "string"}, "value": {"type": ["integer", "string", "null"]},
                  "unit": {"type": ["string", "null"]}, "from": {"type": ["string", "null"], "format": "date"},
                  "citation": {"type": ["string", "null"]}, "source": {"type": ["string", "null"]}}}},
                "disclaimer": {"type": "string"}}},
              "Deadlines": {"type": "object", "required": ["schema-version", "deadlines", "disclaimer"], "properties": {
                "schema-version": {"type": "integer"},
                "deadlines": {"type": "array", "items": {"type": "object", "required": ["title", "jurisdiction", \#
        "kind", "trigger-date", "period", "direction", "date", "trace", "weakest-source"], "properties": {
                  "title": {"type": "string"}, "jurisdiction": {"type": "string"}, "rule": {"type": ["string", "null"]},
                  "kind": {"type": "string"}, "trigger-date": {"type": "string", "format": "date"}, "period": \#
        {"type": "string"},
                  "direction": {"type": "string", "enum": ["after", "before"]}, "date": {"type": "string", "format": \#
        "date"},
                  "time": {"type": ["string", "null"]},
                  "in-force": {"oneOf": [{"$ref": "#/components/schemas/Period"}, {"type": "null"}], \#
        "description": "A named deadline's period in force; null for an ad-hoc period."},
                  "trace": {"type": "array", "items": {"type": "object", "required": ["step"], "properties": {"step": \#
        {"type": "string"}, "citation": {"type": ["string", "null"]}}}},
                  "unconfirmed-closures": {"$ref": "#/components/schemas/UnconfirmedClosures"},
                  "weakest-source": {"$ref": "#/components/schemas/SourceStatus"}}}},
                "disclaimer": {"type": "string"}}},
              "Holidays": {"type": "object", "required": ["schema-version", "jurisdiction", "year", "calendar", \#
        "citation", "holidays"], "properties": {
                "schema-version": {"type": "integer"}, "jurisdiction": {"type": "string"}, "year": {"type": \#
        "integer"}, "calendar": {"type": "string"},
                "citation": {"$ref": "#/components/schemas/Citation"},
                "holidays": {"type": "array", "items": {"type": "object", "required": ["id", "name", "date", \#
        "observed", "citation"], "properties": {
                  "id": {"type": "string"}, "name": {"type": "string"}, "date": {"type": "string", "format": "date"},
                  "observed": {"type": "string", "format": "date"}, "citation": {"$ref": \#
        "#/components/schemas/Citation"}}}},
                "unconfirmed-closures": {"type": "array", "description": "Present only when the year has days \#
        the courts may have been closed (not confirmed; counted as court days).", "items": {"type": "object",
                  "required": ["date", "reason", "citation"], "properties": {
                  "date": {"type": "string", "format": "date"}, "reason": {"type": "string"},
                  "citation": {"$ref": "#/components/schemas/Citation"}, "note": {"type": ["string", "null"]}}}}}},
              "Quiz": {"type": "object", "required": ["schema-version", "seed", "questions", "disclaimer"], \#
        "properties": {
                "schema-version": {"type": "integer"}, "seed": {"type": "integer"},
                "questions": {"type": "array", "items": {"type": "object", "required": ["id", "topic", \#
        "jurisdiction", "kind", "prompt", "options", "answer", "explanation", "citation"], "properties": {
                  "id": {"type": "string"}, "topic": {"type": "string", "enum": ["scope", "conditions", "forms", \#
        "deadlines", "citations", "procedure"]},
                  "jurisdiction": {"type": "string"}, "kind": {"type": "string", "enum": ["multiple-choice", \#
        "true-false", "date"]},
                  "prompt": {"type": "string"}, "options": {"type": ["array", "null"], "items": {"type": "string"}}, \#
        "answer": {"type": "string"},
                  "explanation": {"type": "string"}, "citation": {"$ref": "#/components/schemas/Citation"}}}},
                "disclaimer": {"type": "string"}}},
              "Finding": {"type": "object", "required": ["severity", "code", "subject", "message", "line", "column", \#
        "citation", "remedy"], "properties": {
                "severity": {"type": "string", "enum": ["error", "warning", "info"]}, "code": {"type": "string"}, \#
        "subject": {"type": "string"},
                "message": {"type": "string"}, "line": {"type": "integer"}, "column": {"type": "integer"},
                "category": {"type": "string",
                  "enum": ["scope", "license", "form", "deadline", "waiting-period", "follow-up", "coverage"]},
                "rules": {"type": "array", "items": {"type": "string"}}, "form": {"type": ["string", "null"]},
                "license": {"type": ["string", "null"]}, "deadline": {"type": ["string", "null"]},
                "date-role": {"type": ["string", "null"], "enum": ["due", "occurred", "not-before", "event", null]},
                "set-by": {"type": ["object", "null"], "description": "A date set by court order or stipulation.",
                  "properties": {"by": {"type": "string", "enum": ["order", "stipulation"]},
                  "on": {"type": ["string", "null"]}, "computed": {"type": ["string", "null"]}}},
                "detail": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}},
                "unconfirmed-closures": {"$ref": "#/components/schemas/UnconfirmedClosures"},
                "citation": {"oneOf": [{"$ref": "#/components/schemas/Citation"}, {"type": "null"}]},
                  "remedy": {"type": "string"}}},
              "AuditReport": {"type": "object", "required": ["schema-version", "as-of", "horizon", "summary",
                "matters", "unreadable", "disclaimer"], "properties": {
                "schema-version": {"type": "integer"}, "as-of": {"type": ["string", "null"]},
                  "horizon": {"type": "integer"}, "summary": {"type": "object"},
                "matters": {"type": "array", "items": {"type": "object", "required": ["id", "jurisdiction", "type",
                  "as-of", "counts", "findings", "follow-ups", "timeline"], "properties": {
                  "id": {"type": "string"}, "jurisdiction": {"type": "string"},
                  "type": {"type": ["string", "null"], "description": "Null when the matter file gives no type."},
                  "as-of": {"type": "string", "format": "date"},
                  "counts": {"type": "object"}, "findings": {"type": "array",
                    "items": {"$ref": "#/components/schemas/Finding"}},
                  "follow-ups": {"type": "array"}, "timeline": {"type": "array", "items": {"type": "object",
                    "properties": {"unconfirmed-closures": {"$ref": "#/components/schemas/UnconfirmedClosures"}}}}}}},
                "unreadable": {"type": "array"}, "disclaimer": {"type": "string"}}},
              "UnconfirmedClosures": {"type": "array", "description": "Present only when a day the courts may \#
        have been closed (not confirmed; the calendar counts it open) would change the date: the date if it were.",
                "items": {"type": "object", "required": ["closed", "reason", "citation", "date", "warning"],
                "properties": {"closed": {"type": "string", "format": "date"}, "reason": {"type": "string"},
                  "citation": {"$ref": "#/components/schemas/Citation"}, "note": {"type": ["string", "null"]},
                  "date": {"type": "string", "format": "date"}, "time": {"type": ["string", "null"]},
                  "warning": {"type": "string"}}}},
              "MatterProblems": {"type": "object", "required": ["error", "problems"], "properties": {
                "error": {"$ref": "#/components/schemas/ErrorDetail"},
                "problems": {"type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}}}}
            }
          }
        }
        """#
}
