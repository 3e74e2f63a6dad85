<?php
/**
 * OCS Share API, public links only (TEST SERVER ONLY), shaped like ownCloud 10's
 * Share20OcsController and Nextcloud's ShareAPIController:
 *   GET    /ocs/v{1,2}.php/apps/files_sharing/api/v1/shares?path=…&reshares=true&format=json
 *   POST   /ocs/v{1,2}.php/apps/files_sharing/api/v1/shares   (path, shareType=3, permissions)
 *   GET    /ocs/v{1,2}.php/apps/files_sharing/api/v1/shares/<id>   (a one-element array)
 *   DELETE /ocs/v{1,2}.php/apps/files_sharing/api/v1/shares/<id>
 *   GET    /index.php/s/<token>/download   the shared file's bytes, no login
 * v1 answers HTTP 200 with meta.statuscode 100 (ok) or 403/404/400; v2 answers statuscode 200 and
 * uses the OCS code as the HTTP status. Shares live in <control>/shares.json. The switch file
 * <control>/share-policy.json ({"enforcePassword":true} or {"enforceExpire":true}) makes link
 * creation fail with 403 like the admin policies. OCS calls need Basic auth and, like Nextcloud,
 * the header `OCS-APIRequest: true`; the download needs neither.
 */

namespace ArsipTest;

final class Shares {
    public static function handle(string $path, array $query, array $cfg, string $control): bool {
        if (preg_match('#^/index\.php/s/([A-Za-z0-9]+)/download/?$#', $path, $m)) {
            self::download($m[1], $cfg, $control);
            return true;
        }
        if (!preg_match('#^/ocs/v([12])\.php/apps/files_sharing/api/v1/shares(?:/(\d+))?/?$#', $path, $m)) return false;
        $v = (int)$m[1];
        $id = $m[2] ?? null;
        if (!\authorized($cfg)) { self::fail($v, 997, 'Unauthorised', 401); return true; }
        if (strtolower($_SERVER['HTTP_OCS_APIREQUEST'] ?? '') !== 'true') {
            self::fail($v, 997, 'CSRF check failed: OCS-APIRequest header missing', 401);
            return true;
        }
        $method = $_SERVER['REQUEST_METHOD'];
        // One OCS request at a time: arsipd creates links in parallel, and a read-modify-write of
        // shares.json by two PHP workers at once would lose one of them.
        $lock = fopen($control . '/shares.lock', 'c');
        flock($lock, LOCK_EX);
        $db = self::load($control);
        if ($id !== null) {
            if (!isset($db['shares'][$id])) { self::fail($v, 404, 'Wrong share ID, share doesn\'t exist'); return true; }
            if ($method === 'DELETE') {
                unset($db['shares'][$id]);
                self::save($control, $db);
                self::ok($v, null);
            } elseif ($method === 'GET') {
                self::ok($v, [self::format($db['shares'][$id], $cfg)]);
            } else {
                self::fail($v, 405, 'Method not allowed', 405);
            }
            return true;
        }
        if ($method === 'GET') {
            $list = [];
            if (isset($query['path'])) {
                $p = self::norm($query['path']);
                if (!file_exists($cfg['root'] . $p)) { self::fail($v, 404, 'Wrong path, file/folder doesn\'t exist'); return true; }
                foreach ($db['shares'] as $s) if ($s['path'] === $p) $list[] = self::format($s, $cfg);
            } else {
                foreach ($db['shares'] as $s) $list[] = self::format($s, $cfg);
            }
            self::ok($v, $list);
            return true;
        }
        if ($method === 'POST') {
            $p = isset($_POST['path']) ? self::norm((string)$_POST['path']) : '';
            if ($p === '') { self::fail($v, 404, 'Please specify a file or folder path'); return true; }
            if (!is_file($cfg['root'] . $p) && !is_dir($cfg['root'] . $p)) { self::fail($v, 404, 'Wrong path, file/folder doesn\'t exist'); return true; }
            if ((string)($_POST['shareType'] ?? '') !== '3') { self::fail($v, 400, 'Unknown share type'); return true; }
            $policy = file_exists($control . '/share-policy.json') ? json_decode(file_get_contents($control . '/share-policy.json'), true) : [];
            $password = (string)($_POST['password'] ?? '');
            $expire = (string)($_POST['expireDate'] ?? '');
            if (!empty($policy['enforcePassword']) && $password === '') { self::fail($v, 403, 'Passwords are enforced for link shares'); return true; }
            if (!empty($policy['enforceExpire']) && $expire === '') { self::fail($v, 403, 'Expiration date is enforced'); return true; }
            $db['next'] = ($db['next'] ?? 0) + 1;
            $sid = (string)$db['next'];
            $db['shares'][$sid] = [
                'id' => $sid, 'path' => $p, 'token' => self::token(),
                'permissions' => 1, 'stime' => time(), 'password' => $password,
                'expiration' => $expire === '' ? null : $expire . ' 00:00:00',
            ];
            self::save($control, $db);
            self::ok($v, self::format($db['shares'][$sid], $cfg));
            return true;
        }
        self::fail($v, 405, 'Method not allowed', 405);
        return true;
    }

    private static function download(string $token, array $cfg, string $control): void {
        foreach (self::load($control)['shares'] as $s) {
            if ($s['token'] !== $token) continue;
            $file = $cfg['root'] . $s['path'];
            if ($s['password'] !== '' || !is_file($file)) break;
            header('Content-Type: ' . (str_ends_with(strtolower($file), '.pdf') ? 'application/pdf' : 'application/octet-stream'));
            header('Content-Disposition: attachment; filename="' . rawurlencode(basename($file)) . '"');
            header('Content-Length: ' . filesize($file));
            readfile($file);
            return;
        }
        http_response_code(404);
        header('Content-Type: text/html; charset=utf-8');
        echo "<!DOCTYPE html><title>Not found</title><p>This share does not exist.</p>\n";
    }

    private static function format(array $s, array $cfg): array {
        $scheme = 'http';
        $host = $_SERVER['HTTP_HOST'] ?? '127.0.0.1';
        $file = $cfg['root'] . $s['path'];
        $out = [
            'id' => $s['id'], 'share_type' => 3, 'uid_owner' => $cfg['username'], 'displayname_owner' => $cfg['username'],
            'permissions' => $s['permissions'], 'stime' => $s['stime'], 'parent' => null,
            'expiration' => $s['expiration'], 'token' => $s['token'],
            'uid_file_owner' => $cfg['username'], 'path' => $s['path'],
            'item_type' => is_dir($file) ? 'folder' : 'file', 'mimetype' => 'application/pdf',
            'storage_id' => 'home::' . $cfg['username'], 'storage' => 1, 'item_source' => 1, 'file_source' => 1,
            'file_parent' => 1, 'file_target' => '/' . basename($s['path']),
            'share_with' => null, 'share_with_displayname' => null,
            'url' => $scheme . '://' . $host . '/index.php/s/' . $s['token'],
            'mail_send' => 0, 'name' => '',
        ];
        if ($s['password'] !== '') { $out['share_with'] = '***redacted***'; $out['share_with_displayname'] = '***redacted***'; }
        return $out;
    }

    private static function ok(int $v, $data): void {
        self::send($v, $v === 1 ? 100 : 200, 'OK', $data, 200);
    }

    /** v1: HTTP 200 (401 for 997) with the code in meta; v2: the code is the HTTP status. */
    private static function fail(int $v, int $code, string $message, ?int $http = null): void {
        $status = $v === 1 ? ($code === 997 ? 401 : 200) : ($http ?? $code);
        self::send($v, $code, $message, [], $status);
    }

    private static function send(int $v, int $code, string $message, $data, int $http): void {
        http_response_code($http);
        header('Content-Type: application/json; charset=utf-8');
        echo json_encode(['ocs' => [
            'meta' => ['status' => $code === 100 || $code === 200 ? 'ok' : 'failure', 'statuscode' => $code,
                'message' => $message, 'totalitems' => '', 'itemsperpage' => ''],
            'data' => $data,
        ]]);
    }

    private static function norm(string $p): string {
        $p = '/' . trim(str_replace('\\', '/', $p), '/');
        if (str_contains('/' . $p . '/', '/../')) return '/..invalid';
        return $p;
    }

    private static function token(): string {
        $abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
        $t = '';
        for ($i = 0; $i < 15; $i++) $t .= $abc[random_int(0, 61)];
        return $t;
    }

    private static function load(string $control): array {
        $f = $control . '/shares.json';
        if (!file_exists($f)) return ['next' => 0, 'shares' => []];
        $fh = fopen($f, 'r');
        flock($fh, LOCK_SH);
        $db = json_decode(stream_get_contents($fh), true);
        fclose($fh);
        return $db ?: ['next' => 0, 'shares' => []];
    }

    private static function save(string $control, array $db): void {
        $tmp = $control . '/shares.json.' . getmypid();
        file_put_contents($tmp, json_encode($db));
        rename($tmp, $control . '/shares.json');
    }
}
