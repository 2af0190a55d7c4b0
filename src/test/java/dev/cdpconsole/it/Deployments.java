package dev.cdpconsole.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.api.importer.ZipImporter;

/** The deployment of every integration test: the real WAR that {@code mvn package} built, unchanged. */
final class Deployments {

    private Deployments() {
    }

    static WebArchive war() {
        File war = new File(System.getProperty("cdp.test.war", "target/cdp-console.war"));
        return ShrinkWrap.create(ZipImporter.class, "cdp-console.war").importFrom(war).as(WebArchive.class);
    }
}
