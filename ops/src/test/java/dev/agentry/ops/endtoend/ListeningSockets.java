package dev.agentry.ops.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets a process and its descendants listen on, read from Linux's {@code /proc}: the socket
 * inodes among each process's file descriptors, looked up in {@code /proc/net/tcp} and {@code tcp6}.
 */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    /** One listening socket: its local address and port, and the process that holds it. */
    record Socket(InetAddress address, int port, long pid) {
        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port + " (pid " + pid + ")";
        }
    }

    private ListeningSockets() {
    }

    static List<Socket> of(ProcessHandle root) {
        List<Socket> sockets = new ArrayList<>();
        Stream.concat(Stream.of(root), root.descendants()).forEach(process -> {
            Set<String> inodes = socketInodes(process.pid());
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                for (String line : lines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9 && LISTEN.equals(fields[3]) && inodes.contains(fields[9])) {
                        String[] local = fields[1].split(":");
                        sockets.add(new Socket(address(local[0]), Integer.parseInt(local[1], 16), process.pid()));
                    }
                }
            }
        });
        return sockets;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            descriptors.forEach(descriptor -> {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing holds no socket any more
                }
            });
        } catch (NoSuchFileException exited) {
            return inodes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the descriptors of process " + pid, e);
        }
        return inodes;
    }

    /** /proc/net/tcp writes addresses as the hex of the 32-bit words in host (little-endian) order. */
    private static InetAddress address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) new BigInteger(hex.substring(at, at + 2), 16).intValue();
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + hex, e);
        }
    }

    private static List<String> lines(Path table) {
        try {
            List<String> lines = Files.readAllLines(table);
            return lines.subList(Math.min(1, lines.size()), lines.size());
        } catch (NoSuchFileException absent) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + table, e);
        }
    }
}
