import { graphql } from '@/gql';

/** The member 360's behaviour section: both summary windows, the top products with their titles. */
export const MemberBehaviourSummary = graphql(`
  query MemberBehaviourSummary($id: ID!) {
    member(id: $id) {
      id
      behaviour {
        updatedAt
        last30Days {
          ...MemberBehaviourSummary_BehaviourWindow
        }
        last90Days {
          ...MemberBehaviourSummary_BehaviourWindow
        }
      }
    }
  }

  fragment MemberBehaviourSummary_BehaviourWindow on BehaviourWindow {
    productViews
    addsToCart
    searches
    lastActivityAt
    topProducts {
      views
      product {
        id
        title
      }
    }
    topSources {
      source
      campaign
      events
    }
  }
`);
