package dev.hearth.monitoring.collectors;

import dev.hearth.monitoring.HostSnapshot;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every disk mount from {@code /proc/self/mounts}, sized through {@link FileStore} (statvfs underneath).
 * Pseudo filesystems are skipped, and a device mounted twice (bind mounts) is counted once.
 */
public final class DiskCollector {
    private static final Set<String> DISK_TYPES = Set.of(
            "ext2",
            "ext3",
            "ext4",
            "xfs",
            "btrfs",
            "zfs",
            "f2fs",
            "vfat",
            "exfat",
            "ntfs",
            "ntfs3",
            "fuseblk",
            "nfs",
            "nfs4",
            "cifs",
            "smb3",
            "jfs",
            "reiserfs",
            "bcachefs",
            "hfsplus",
            "apfs");

    private final HostPaths paths;

    public DiskCollector(HostPaths paths) {
        this.paths = paths;
    }

    public List<HostSnapshot.Disk> read() {
        List<HostSnapshot.Disk> disks = new ArrayList<>();
        Set<String> devices = new HashSet<>();
        for (String line : HostPaths.lines(paths.proc().resolve("self/mounts"))) {
            String[] f = line.split(" ");
            if (f.length < 3) continue;
            String device = f[0], mount = unescape(f[1]), type = f[2];
            boolean rootOverlay = mount.equals("/") && type.equals("overlay");
            if (!DISK_TYPES.contains(type) && !rootOverlay) continue;
            if (!devices.add(device)) continue;
            try {
                FileStore store = Files.getFileStore(Path.of(mount));
                long total = store.getTotalSpace();
                long free = store.getUsableSpace();
                long used = total - store.getUnallocatedSpace();
                if (total > 0) disks.add(new HostSnapshot.Disk(mount, device, type, total, used, free));
            } catch (IOException | SecurityException e) {
                // a mount we may not stat (another user's FUSE mount) is left out, not an error
            }
        }
        return disks;
    }

    /** Mount points escape spaces and tabs as octal ({@code \040}). */
    static String unescape(String s) {
        if (!s.contains("\\")) return s;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\'
                    && i + 3 < s.length() + 0
                    && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }
}
