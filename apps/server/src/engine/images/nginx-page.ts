// What the stock images answer over HTTP on `/`.

export const NGINX_WELCOME_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
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

/** nginx's built-in error page (ngx_http_special_response.c): its lines end in CRLF */
/** nginx's built-in error page for a status ("404 Not Found"), CRLF line ends as it sends them */
const nginxErrorPage = (status: string, version: string): string =>
  ['<html>', `<head><title>${status}</title></head>`, '<body>', `<center><h1>${status}</h1></center>`, `<hr><center>nginx/${version}</center>`, '</body>', '</html>', ''].join('\r\n');

export const NGINX_NOT_FOUND_PAGE = (version: string): string => nginxErrorPage('404 Not Found', version);

export const NGINX_FORBIDDEN_PAGE = (version: string): string => nginxErrorPage('403 Forbidden', version);

export const HTTPD_IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';
