package dev.cdpconsole.it;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The deployment of every integration test: the real WAR that {@code mvn package} built, unchanged. */
final class Deployments {

    /**
     * The cluster port of arquillian.xml and the console's loopback listener (CDP_PLATFORM_LOOPBACK_PORT of the
     * failsafe configuration); the HTTP port is a random free one.
     */
    private static final int[] PORTS = {6900, 6980};

    private Deployments() {
    }

    static WebArchive war() {
        awaitFreePorts();
        File war = new File(System.getProperty("cdp.test.war", "target/cdp-console.war"));
        return ShrinkWrap.create(ZipImporter.class, "cdp-console.war").importFrom(war).as(WebArchive.class);
    }

    /**
     * Each IT class starts its own Payara Micro on the same ports: the server of the class before may still be
     * letting them go, and a server that cannot bind its HTTP port deploys without a listener. Wait for them.
     */
    private static void awaitFreePorts() {
        long deadline = System.currentTimeMillis() + 60_000;
        for (int port : PORTS) {
            while (!isFree(port) && System.currentTimeMillis() < deadline) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
