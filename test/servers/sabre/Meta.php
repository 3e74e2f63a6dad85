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

    /** One small JSON file per inode: O(1) reads and writes however many files the root holds. */
    private static function recordPath(string $kind, string $ino): string {
        return self::$control . '/' . $kind . '/' . $ino . '.json';
    }

    private static function load(string $kind, string $ino): ?array {
        $raw = @file_get_contents(self::recordPath($kind, $ino));
        return $raw === false ? null : json_decode($raw, true);
    }

    /** Written to a temp file and renamed, so a concurrent reader sees the old or the new record. */
    private static function store(string $kind, string $ino, array $rec): void {
        $dir = self::$control . '/' . $kind;
        if (!is_dir($dir)) @mkdir($dir, 0777, true);
        $tmp = $dir . '/.' . $ino . '.' . bin2hex(random_bytes(4));
        file_put_contents($tmp, json_encode($rec));
        rename($tmp, self::recordPath($kind, $ino));
    }

    /** The record for a file on disk, or null when none matches its current size and mtime. */
    public static function fileRecord(string $path): ?array {
        clearstatcache(true, $path);
        $st = @stat($path);
        if (!$st) return null;
        $rec = self::load('files', (string)$st['ino']);
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
        self::store('files', (string)$st['ino'], $rec);
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
        $n = self::load('dirs', (string)$st['ino'])['n'] ?? 0;
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
        // Read-increment-write without a lock: two racing writers may bump once instead of
        // twice, but each still changes the value, which is all an ETag needs.
        foreach (array_unique($inodes) as $i) {
            $n = self::load('dirs', $i)['n'] ?? 0;
            self::store('dirs', $i, ['n' => $n + 1 + random_int(0, 1 << 20)]);
        }
    }

    public static function fileId(string $path): string {
        return sprintf('%d', stat($path)['ino']);
    }
}
