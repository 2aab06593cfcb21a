package pk.childhelpline.smsc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;

/**
 * Opens the SMPP listening socket on one loopback address only; jsmpp's default factory binds every interface.
 * Remembers the socket so that the port the system chose for port 0 can be read back.
 */
final class LoopbackServerConnectionFactory implements ServerConnectionFactory {

    private final InetAddress address;
    private volatile ServerSocket socket;

    LoopbackServerConnectionFactory(InetAddress address) {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("The SMSC simulator listens on loopback only, not on " + address);
        }
        this.address = address;
    }

    @Override
    public ServerConnection listen(int port) throws IOException {
        return listen(port, 0, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
        return listen(port, timeout, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
        ServerSocket serverSocket = new ServerSocket(port, backlog, address);
        serverSocket.setSoTimeout(timeout);
        socket = serverSocket;
        return new ServerSocketConnection(serverSocket);
    }

    int localPort() {
        return socket.getLocalPort();
    }
}
