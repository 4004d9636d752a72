import { describe, expect, it } from "vitest";
import { SelectorParseError, parseRequirements } from "./parser";

// Messages recorded from kubectl 1.32 (`kubectl set selector --local`, which parses with
// apimachinery's labels parser and prints "couldn't parse the selector string ...: <message>").
const KUBECTL_MESSAGES: [string, string][] = [
  [
    "x=a||y=b",
    "unable to parse requirement: values[0][x]: Invalid value: \"a||y\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  ],
  ["x==a==b", "found '==', expected: ',' or 'end of string'"],
  ["!x=a", "found '=', expected: ',' or 'end of string'"],
  [
    "x<a",
    "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer",
  ],
  ["x,,y", "found ',', expected: identifier after ','"],
  [",x,y", "found ',', expected: !, identifier, or 'end of string'"],
  ["x nott in (y)", "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt"],
  ["a in (xyz),", "found '', expected: identifier after ','"],
  ["a in (xyz)b notin ()", "found 'b', expected: ',' or 'end of string'"],
  ["a in (xyz abc)", "unable to parse requirement: found 'abc', expected: ',' or ')'"],
  ["a notin(", "unable to parse requirement: found '', expected: ',', ')' or identifier"],
  ["a (", "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
  ["(", "found '(', expected: !, identifier, or 'end of string'"],
  [
    "x/y/z=a",
    "unable to parse requirement: <nil>: Invalid value: \"x/y/z\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
  ],
  ["a in (b c)", "unable to parse requirement: found 'c', expected: ',' or ')'"],
  ["a=b c", "found 'c', expected: ',' or 'end of string'"],
  [
    "a=-b",
    "unable to parse requirement: values[0][a]: Invalid value: \"-b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  ],
  [
    "a>b",
    "unable to parse requirement: values[0]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must be an integer",
  ],
  ["/a", 'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty'],
  [
    "a/",
    "unable to parse requirement: <nil>: Invalid value: \"a/\": name part must be non-empty; name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
  ],
  [
    "Example.com/a",
    "unable to parse requirement: <nil>: Invalid value: \"Example.com/a\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  ],
  ["a=b=c", "found '=', expected: ',' or 'end of string'"],
  ["a in b", "unable to parse requirement: found 'b' expected: '('"],
  ["a in (b,c", "unable to parse requirement: found '', expected: ',' or ')'"],
  ["a in (b,=)", "unable to parse requirement: found '=', expected: ',', or identifier"],
  ["a in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
  ["!", "unable to parse requirement: found '', expected: identifier"],
  ["!!a", "unable to parse requirement: found '!', expected: identifier"],
  ["!a in (b)", "found 'in', expected: ',' or 'end of string'"],
  ["a!", "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt"],
  ["a=(b)", "unable to parse requirement: found '(', expected: identifier"],
  ["a in ((b))", "unable to parse requirement: found '(', expected: ',', ')' or identifier"],
  [",", "found ',', expected: !, identifier, or 'end of string'"],
  ["a,", "found '', expected: identifier after ','"],
  [
    "x>1,y<-1",
    "unable to parse requirement: values[0][y]: Invalid value: \"-1\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  ],
  [
    "x>99999999999999999999",
    "unable to parse requirement: values[0]: Invalid value: \"99999999999999999999\": for 'Gt', 'Lt' operators, the value must be an integer",
  ],
  [
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=b",
    'unable to parse requirement: <nil>: Invalid value: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": name part must be no more than 63 characters',
  ],
  [
    "a=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-",
    "unable to parse requirement: values[0][a]: Invalid value: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-\": must be no more than 63 characters; a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  ],
  [
    "a in (-b,c_,d)",
    "unable to parse requirement: [values[0][a]: Invalid value: \"-b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?'), values[1][a]: Invalid value: \"c_\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]",
  ],
  [
    "a=rā",
    "unable to parse requirement: values[0][a]: Invalid value: \"rā\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  ],
  ["a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
  ["a in ()b", "found 'b', expected: ',' or 'end of string'"],
];

describe("parser error messages", () => {
  it.each(KUBECTL_MESSAGES)("rejects %j with kubectl's message", (input, message) => {
    expect(() => parseRequirements(input)).toThrow(new SelectorParseError(message));
  });

  it("throws SelectorParseError instances", () => {
    expect(() => parseRequirements("a b")).toThrow(SelectorParseError);
  });
});

describe("parseOperator messages (TestParseOperator)", () => {
  const expected = "expected: in, notin, =, ==, !=, gt, lt";
  it.each([
    ["x !", `unable to parse requirement: found '!', ${expected}`],
    ["x exists", `unable to parse requirement: found 'exists', ${expected}`],
    ["x (", `unable to parse requirement: found '(', ${expected}`],
  ])("rejects %j naming the binary operators", (input, message) => {
    expect(() => parseRequirements(input)).toThrow(message);
  });
});
