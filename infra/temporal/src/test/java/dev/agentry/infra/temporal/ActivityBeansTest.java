package dev.agentry.infra.temporal;

import dev.agentry.workflows.schedule.ScheduleActivities;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityBeansTest {

    static class RecordsSkips implements ScheduleActivities {
        @Override
        public void recordSkippedRun(String agentId, String runId, Instant scheduledAt) {
        }
    }

    static class NotAnActivity implements Runnable {
        @Override
        public void run() {
        }
    }

    @Test
    void beansImplementingAnActivityInterfaceAreActivitiesEvenBehindAProxy() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            RecordsSkips plain = new RecordsSkips();
            ProxyFactory proxied = new ProxyFactory(new RecordsSkips());
            proxied.setProxyTargetClass(true);
            Object proxy = proxied.getProxy();
            context.registerBean("plain", RecordsSkips.class, () -> plain);
            context.registerBean("proxied", Object.class, () -> proxy);
            context.registerBean("other", NotAnActivity.class, NotAnActivity::new);
            context.refresh();

            List<Object> activities = ActivityBeans.in(context);

            assertThat(activities).containsExactlyInAnyOrder(plain, proxy);
            assertThat(ActivityBeans.anyImplements(activities, ScheduleActivities.class)).isTrue();
            assertThat(ActivityBeans.anyImplements(activities, Runnable.class)).isFalse();
        }
    }
}
