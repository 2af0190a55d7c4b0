package dev.cdpconsole.it;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;

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

    /** The WAR's name, which is also its context root: every test's address must carry it. */
    private static final String NAME = "cdp-console";

    private Deployments() {
    }

    /**
     * The application's address, from the one Arquillian injected. The Payara Micro connector (3.1) reads the
     * deployed application's context root from a snapshot of the server's startup output, taken as soon as the
     * instance's ports are printed; when the snapshot ends before the list of deployed applications, it hands
     * out the server's root instead (seen once in CI: every call of a class answered 404). WildFly's connector
     * always gives the application's address.
     */
    static URL application(URL injected) {
        if (injected.getPath().startsWith("/" + NAME)) {
            return injected;
        }
        try {
            return new URL(injected, "/" + NAME + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException("no application address from " + injected, e);
        }
    }

    static WebArchive war() {
        awaitFreePorts();
        File war = new File(System.getProperty("cdp.test.war", "target/cdp-console.war"));
        return ShrinkWrap.create(ZipImporter.class, NAME + ".war").importFrom(war).as(WebArchive.class);
    }

    /**
     * Each IT class starts its own Payara Micro on the same ports: the server of the class before may still be
     * letting them go, and a server that cannot bind its HTTP port deploys without a listener. Wait for them.
     * Not on WildFly: one server serves every class and holds the loopback port all along, so waiting there only
     * ever ran into the deadline (a minute for each class).
     */
    private static void awaitFreePorts() {
        if (!"payara-micro".equals(System.getProperty("arquillian.launch", "payara-micro"))) {
            return;
        }
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
