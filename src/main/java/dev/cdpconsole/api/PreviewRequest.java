package dev.cdpconsole.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /preview}, as Adobe's: a PQL text to count and sample before it is saved.
 * {@code predicateModel} may only be {@code _xdm.context.profile}; {@code graphType} is accepted.
 */
@Schema(name = "PreviewQuerySessionlessRequest")
public class PreviewRequest {

    @Schema(required = true, example = "loyalty.tier = \"gold\"")
    private String predicateExpression;

    @Schema(example = "pql/text")
    private String predicateType;

    @Schema(example = "_xdm.context.profile")
    private String predicateModel;

    @Schema(example = "none")
    private String graphType;

    public PreviewRequest() {
    }

    public PreviewRequest(String predicateExpression) {
        this.predicateExpression = predicateExpression;
        this.predicateType = SegmentExpression.PQL_TEXT;
        this.predicateModel = "_xdm.context.profile";
    }

    public String getPredicateExpression() {
        return predicateExpression;
    }

    public void setPredicateExpression(String predicateExpression) {
        this.predicateExpression = predicateExpression;
    }

    public String getPredicateType() {
        return predicateType;
    }

    public void setPredicateType(String predicateType) {
        this.predicateType = predicateType;
    }

    public String getPredicateModel() {
        return predicateModel;
    }

    public void setPredicateModel(String predicateModel) {
        this.predicateModel = predicateModel;
    }

    public String getGraphType() {
        return graphType;
    }

    public void setGraphType(String graphType) {
        this.graphType = graphType;
    }
}
