package dev.cdpconsole.common.template;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** The one Thymeleaf engine: templates under {@code /WEB-INF/templates/}, messages from the bundles. */
@ApplicationScoped
public class Templates {

    @Inject
    ServletContext servletContext;

    private JakartaServletWebApplication application;
    private TemplateEngine engine;

    @PostConstruct
    void init() {
        application = JakartaServletWebApplication.buildApplication(servletContext);
        WebApplicationTemplateResolver resolver = new WebApplicationTemplateResolver(application);
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setPrefix("/WEB-INF/templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new BundleMessageResolver());
    }

    /** Renders the template with the model as an HTML page, in the given language. */
    public void render(HttpServletRequest request, HttpServletResponse response, String template, Locale locale,
            Map<String, ?> model) throws IOException {
        WebContext context = new WebContext(application.buildExchange(request, response), locale);
        model.forEach(context::setVariable);
        response.setContentType("text/html;charset=UTF-8");
        engine.process(template, context, response.getWriter());
    }
}
