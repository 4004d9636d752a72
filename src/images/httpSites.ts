/**
 * What the catalog's HTTP servers answer (catalogTypes.ts HttpSite): their default pages as
 * the images ship them, and their 404 pages. Read from the servers' sources (nginx's
 * docs/html/index.html and ngx_http_special_response.c, httpd's htdocs/index.html, the sample
 * apps' handlers); placeholders are filled per request ({version}, {hostname}).
 */
import type { HttpSite } from "./catalogTypes";

const CRLF = "\r\n";

/** What every version of nginx's welcome page says, after its style sheet. */
const NGINX_WELCOME_BODY = `</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** nginx's welcome page since 1.21.2 (dark mode support): 615 bytes. */
const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
${NGINX_WELCOME_BODY}`;

/** The welcome page before 1.21.2 (nginx:1.7.9 in the course): 612 bytes. */
const NGINX_WELCOME_OLD = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
${NGINX_WELCOME_BODY}`;

/** ngx_http_error_404_page with the full tail (server_tokens on), in CRLF lines. */
const NGINX_404 = [
  "<html>",
  "<head><title>404 Not Found</title></head>",
  "<body>",
  "<center><h1>404 Not Found</h1></center>",
  "<hr><center>nginx/{version}</center>",
  "</body>",
  "</html>",
  "",
].join(CRLF);

export const NGINX_SITE: HttpSite = {
  server: "nginx/{version}",
  contentType: "text/html",
  pages: { "/": NGINX_WELCOME, "/index.html": NGINX_WELCOME },
  pagesBefore: { version: "1.21.2", pages: { "/": NGINX_WELCOME_OLD, "/index.html": NGINX_WELCOME_OLD } },
  notFound: NGINX_404,
};

const HTTPD_404 = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
</head><body>
<h1>Not Found</h1>
<p>The requested URL was not found on this server.</p>
</body></html>
`;

export const HTTPD_SITE: HttpSite = {
  server: "Apache/{version} (Unix)",
  contentType: "text/html",
  pages: {
    "/": "<html><body><h1>It works!</h1></body></html>\n",
    "/index.html": "<html><body><h1>It works!</h1></body></html>\n",
  },
  notFound: HTTPD_404,
  notFoundType: "text/html; charset=iso-8859-1",
};

/** hashicorp/http-echo: the -text argument on every path. */
export const HTTP_ECHO_SITE: HttpSite = {
  contentType: "text/plain; charset=utf-8",
  pages: {},
  notFound: "",
  bodyFromFlag: "-text",
};

/** google-samples/hello-app's handler: greeting, version and the pod's hostname, on every path. */
export const HELLO_APP_SITE: HttpSite = {
  contentType: "text/plain; charset=utf-8",
  pages: { "*": "Hello, world!\nVersion: {version}.0\nHostname: {hostname}\n" },
  notFound: "",
};

/** The Kubernetes Basics tutorial's server.js: one line naming the pod, on every path. */
export const BOOTCAMP_SITE: HttpSite = {
  contentType: "text/plain",
  pages: { "*": "Hello Kubernetes bootcamp! | Running on: {hostname} | v={versionNumber}\n" },
  notFound: "",
};
