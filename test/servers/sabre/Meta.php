<?php
/**
 * OwnCloud emulation: server-side metadata kept OUTSIDE the user's root (in the control folder),
 * so the user's folder on disk holds exactly the user's files.
 *
 * Files: keyed by inode (rename() keeps the inode, so MOVE keeps checksum and etag), each record
 * carries the size and mtime it was written for; a record whose size/mtime no longer match the
 * file (changed behind the server's back, or a reused inode) is ignored.
 *
 * Folder ETags: a per-folder change counter, also keyed by inode, bumped for every ancestor of a
 * path that a PUT/MKCOL/DELETE/MOVE/COPY touches. ETag = md5(inode, counter, own mtime). This is
 * O(depth) per write and O(1) per PROPFIND entry (no walk of descendants). Changes made directly
 * on disk below a folder's immediate level are not seen (the test harness writes through DAV).
 */

namespace ArsipTest;

final class Meta {
    public static string $control = '';
    public static string $root = '';

    private static function locked(string $file, callable $fn) {
        $h = fopen($file, 'c+');
        flock($h, LOCK_EX);
        $raw = stream_get_contents($h);
        $data = $raw ? (json_decode($raw, true) ?: []) : [];
        $out = $fn($data);
        if ($out !== null) {
            [$data, $ret] = $out;
            ftruncate($h, 0);
            rewind($h);
            fwrite($h, json_encode($data));
            fflush($h);
        } else {
            $ret = null;
        }
        flock($h, LOCK_UN);
        fclose($h);
        return $ret;
    }

    private static function read(string $file): array {
        if (!file_exists($file)) return [];
        $h = fopen($file, 'r');
        flock($h, LOCK_SH);
        $raw = stream_get_contents($h);
        flock($h, LOCK_UN);
        fclose($h);
        return $raw ? (json_decode($raw, true) ?: []) : [];
    }

    /** The record for a file on disk, or null when none matches its current size and mtime. */
    public static function fileRecord(string $path): ?array {
        clearstatcache(true, $path);
        $st = @stat($path);
        if (!$st) return null;
        $all = self::read(self::$control . '/files.json');
        $rec = $all[(string)$st['ino']] ?? null;
        if (!$rec || $rec['size'] !== $st['size'] || $rec['mtime'] !== $st['mtime']) return null;
        return $rec;
    }

    public static function saveFile(string $path, ?string $checksum): array {
        clearstatcache(true, $path);
        $st = stat($path);
        $rec = [
            'size' => $st['size'],
            'mtime' => $st['mtime'],
            'checksum' => $checksum,
            'etag' => bin2hex(random_bytes(10)),
        ];
        self::locked(self::$control . '/files.json', function (array $d) use ($st, $rec) {
            $d[(string)$st['ino']] = $rec;
            return [$d, null];
        });
        return $rec;
    }

    public static function fileEtag(string $path): string {
        $rec = self::fileRecord($path);
        if ($rec) return '"' . $rec['etag'] . '"';
        $st = stat($path);
        return '"' . md5($st['ino'] . ':' . $st['size'] . ':' . $st['mtime'] . ':' . $st['ctime']) . '"';
    }

    public static function dirEtag(string $path): string {
        clearstatcache(true, $path);
        $st = stat($path);
        $all = self::read(self::$control . '/dirs.json');
        $n = $all[(string)$st['ino']] ?? 0;
        return '"' . md5($st['ino'] . ':' . $n . ':' . $st['mtime']) . '"';
    }

    /** Bumps the counter of every folder from dirname($path) up to the root. */
    public static function bumpAncestors(string $path): void {
        $inodes = [];
        $dir = dirname($path);
        $root = rtrim(self::$root, '/');
        while (strlen($dir) >= strlen($root)) {
            $st = @stat($dir);
            if ($st) $inodes[] = (string)$st['ino'];
            if ($dir === $root) break;
            $dir = dirname($dir);
        }
        // The path itself, if it is a folder (MKCOL, MOVE of a folder).
        if (is_dir($path)) $inodes[] = (string)stat($path)['ino'];
        self::locked(self::$control . '/dirs.json', function (array $d) use ($inodes) {
            foreach ($inodes as $i) $d[$i] = ($d[$i] ?? 0) + 1;
            return [$d, null];
        });
    }

    public static function fileId(string $path): string {
        return sprintf('%d', stat($path)['ino']);
    }
}
