// The article page's GraphQL operations. `npm run codegen` turns each into a typed document in web/generated/, so a
// schema change that breaks one of them fails the type-check.
import { graphql } from "../generated";

/** An article's draft, resolved against the graph and written nowhere (dryRun: true needs no token). */
export const DraftArticleDocument = graphql(`
  mutation DraftArticle($input: ArticleInput!) {
    ingestArticle(input: $input, dryRun: true) {
      dataset
      statements {
        id
        kind
        text
        saidOn
        datePrecision
        confidence
        cue
        speaker {
          id
          name
          type
        }
        parts {
          start
          end
        }
      }
      entities {
        id
        type
        name
      }
      unattributed {
        text
        reason
        parts {
          start
          end
        }
      }
    }
  }
`);

/** The reviewed dataset, written (needs the bearer token): what was written, and each entity's resolution. */
export const ImportReviewedDocument = graphql(`
  mutation ImportReviewed($dataset: JSON!) {
    importDataset(dataset: $dataset, dryRun: false) {
      sourceId
      statements
      people
      states
      organizations
      venues
      events
      resolution {
        incoming
        decision
        into
        score
        reasons
      }
    }
  }
`);
