<?php
/**
 * OwnCloud emulation: server-side metadata kept OUTSIDE the user's root (in the control folder),
 * so the user's folder on disk holds exactly the user's files.
 *
 * One small file per inode (control/meta-files/<ino>.json, control/meta-dirs/<ino>), replaced
 * atomically (temp + rename), so a write or a PROPFIND entry costs O(1) however many files the
 * server holds: the bench mirrors 100,000 files through this server.
 *
 * Files: keyed by inode (rename() keeps the inode, so MOVE keeps checksum and etag), each record
 * carries the size and mtime it was written for; a record whose size/mtime no longer match the
 * file (changed behind the server's back, or a reused inode) is ignored.
 *
 * Folder ETags: a per-folder change token, also keyed by inode, replaced by a fresh random one for
 * every ancestor of a path that a PUT/MKCOL/DELETE/MOVE/COPY touches. ETag = md5(inode, token,
 * own mtime). This is O(depth) per write and O(1) per PROPFIND entry (no walk of descendants).
 * Changes made directly on disk below a folder's immediate level are not seen (the test harness
 * writes through DAV).
 */

namespace ArsipTest;

final class Meta {
    public static string $control = '';
    public static string $root = '';

    private static function dir(string $kind): string {
        $d = self::$control . '/meta-' . $kind;
        if (!is_dir($d)) @mkdir($d, 0777, true);
        return $d;
    }

    /** Replaces $file atomically: readers see the old or the new content, never a torn one. */
    private static function put(string $file, string $data): void {
        $tmp = $file . '.' . bin2hex(random_bytes(6)) . '.tmp';
        file_put_contents($tmp, $data);
        rename($tmp, $file);
    }

    private static function get(string $file): ?string {
        $s = @file_get_contents($file);
        return $s === false ? null : $s;
    }

    /** The record for a file on disk, or null when none matches its current size and mtime. */
    public static function fileRecord(string $path): ?array {
        clearstatcache(true, $path);
        $st = @stat($path);
        if (!$st) return null;
        $raw = self::get(self::dir('files') . '/' . $st['ino'] . '.json');
        $rec = $raw ? json_decode($raw, true) : null;
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
        self::put(self::dir('files') . '/' . $st['ino'] . '.json', json_encode($rec));
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
        $token = self::get(self::dir('dirs') . '/' . $st['ino']) ?? '0';
        return '"' . md5($st['ino'] . ':' . $token . ':' . $st['mtime']) . '"';
    }

    /** Gives every folder from dirname($path) up to the root (and $path, if a folder) a new token. */
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
        $d = self::dir('dirs');
        foreach ($inodes as $i) self::put($d . '/' . $i, bin2hex(random_bytes(10)));
    }

    public static function fileId(string $path): string {
        return sprintf('%d', stat($path)['ino']);
    }
}
