package org.compactreview.support.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of the test's SMTP server that holds back every answer of the server by a
 * fixed delay: a node sending through it takes a while per mail (an SMTP dialogue has about seven
 * answers), so that it can be killed while it holds claimed, unsent mails. GreenMail itself cannot
 * be slowed. {@link #open()} says how many dialogues are under way at this moment.
 */
public final class SlowSmtp implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final long delayMillis;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger dialogues = new AtomicInteger();

    private SlowSmtp(int serverPort, long delayMillis) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.serverPort = serverPort;
        this.delayMillis = delayMillis;
        daemon(this::accept, "slow-smtp-accept").start();
    }

    /** Relays to the SMTP server on {@code serverPort} (this host), each answer {@code delayMillis} late. */
    public static SlowSmtp before(int serverPort, long delayMillis) throws IOException {
        return new SlowSmtp(serverPort, delayMillis);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** SMTP dialogues open right now. */
    public int open() {
        return open.get();
    }

    /** SMTP dialogues begun so far. */
    public int dialogues() {
        return dialogues.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                dialogues.incrementAndGet();
                open.incrementAndGet();
                daemon(() -> pump(client, server, 0), "slow-smtp-up").start();
                daemon(
                                () -> {
                                    pump(server, client, delayMillis);
                                    open.decrementAndGet();
                                },
                                "slow-smtp-down")
                        .start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Copies one direction until either side closes, each chunk {@code delay} ms late. */
    private static void pump(Socket from, Socket to, long delay) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException closed) {
            // The other side went away (a killed node): the dialogue ends here.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
